package dev.monitoringlab.stack.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Behaves like a Discord webhook ({@code POST /api/webhooks/{id}/{token}}): JSON only, a message needs content
 * or embeds, at most 10 embeds, content at most 2000 characters, an embed title at most 256 and description at
 * most 4096; a valid message is answered 204 No Content, as Discord does without {@code ?wait=true}.
 * Not final: the fault tests play outages with a subclass of their own.
 */
public class FakeDiscord extends WebhookSink {
    private static final String PATH = "/api/webhooks/1234567890/local-test-token";

    public FakeDiscord() {
    }

    /** On a test network's host address instead of loopback, for an Alertmanager in a container. */
    public FakeDiscord(java.net.InetAddress address) {
        super(address);
    }

    @Override
    public String url() {
        return base() + PATH;
    }

    @Override
    protected Optional<Answer> reject(String path, JsonNode p) {
        if (!path.equals(PATH)) {
            return Optional.of(error(404, "Unknown Webhook", 10015));
        }
        boolean hasContent = p.hasNonNull("content") && !p.path("content").asText().isEmpty();
        JsonNode embeds = p.path("embeds");
        if (!hasContent && (!embeds.isArray() || embeds.isEmpty())) {
            return Optional.of(error(400, "Cannot send an empty message", 50006));
        }
        if (p.path("content").asText().length() > 2000) {
            return Optional.of(error(400, "content: Must be 2000 or fewer in length.", 50035));
        }
        if (embeds.size() > 10) {
            return Optional.of(error(400, "embeds: Must be 10 or fewer in length.", 50035));
        }
        for (JsonNode e : embeds) {
            if (e.path("title").asText().length() > 256) {
                return Optional.of(error(400, "embeds.title: Must be 256 or fewer in length.", 50035));
            }
            if (e.path("description").asText().length() > 4096) {
                return Optional.of(error(400, "embeds.description: Must be 4096 or fewer in length.", 50035));
            }
        }
        return Optional.empty();
    }

    @Override
    protected Answer accepted() {
        return new Answer(204, "", "");
    }

    @Override
    protected Answer answerFor(int status, String reason) {
        return error(status, reason, 0);
    }

    private static Answer error(int status, String message, int code) {
        return new Answer(status, "application/json",
                JSON.createObjectNode().put("message", message).put("code", code).toString());
    }

    /** Title of the first embed: Alertmanager puts "[FIRING:1] ..." or "[RESOLVED] ..." there. */
    public static String title(Message m) {
        return m.payload().path("embeds").path(0).path("title").asText();
    }

    public static String description(Message m) {
        return m.payload().path("embeds").path(0).path("description").asText();
    }
}
