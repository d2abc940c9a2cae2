package dev.monitoringlab.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a route answers: status, content type, body and any further headers. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Response json(int status, String json) {
        return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
