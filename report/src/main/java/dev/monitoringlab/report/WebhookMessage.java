package dev.monitoringlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A notification a receiver got, as the webhook recorder logs it (one JSON object per line). */
public record WebhookMessage(String receiver, Instant receivedAt, String title) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean firing() {
        return title.startsWith("[FIRING");
    }

    public boolean resolved() {
        return title.startsWith("[RESOLVED");
    }

    public boolean about(String alertName) {
        return title.contains(alertName);
    }

    public String toJsonLine() {
        return JSON.createObjectNode().put("receiver", receiver).put("receivedAt", receivedAt.toString())
                .put("title", title).toString() + "\n";
    }

    public static List<WebhookMessage> read(Path file) throws IOException {
        List<WebhookMessage> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode j = JSON.readTree(line);
                out.add(new WebhookMessage(j.path("receiver").asText(), Instant.parse(j.path("receivedAt").asText()),
                        j.path("title").asText()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + n + ": not a recorded message: " + line);
            }
        }
        return out;
    }
}
