package dev.monitoringlab.stack.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Behaves like a Slack incoming webhook ({@code POST /services/T.../B.../...}): JSON only, a message needs
 * {@code text}, {@code attachments} or {@code blocks}; valid ones get 200 "ok", bad ones 400 "invalid_payload" or
 * "no_text", an unknown hook 404 "no_service", as Slack answers.
 */
public final class FakeSlack extends WebhookSink {
    private static final String PATH = "/services/T00000000/B00000000/localtestsecret";

    @Override
    public String url() {
        return base() + PATH;
    }

    @Override
    protected Optional<Answer> reject(String path, JsonNode p) {
        if (!path.equals(PATH)) {
            return Optional.of(plain(404, "no_service"));
        }
        boolean text = !p.path("text").asText().isEmpty();
        boolean attachments = p.path("attachments").isArray() && !p.path("attachments").isEmpty();
        boolean blocks = p.path("blocks").isArray() && !p.path("blocks").isEmpty();
        if (!text && !attachments && !blocks) {
            return Optional.of(plain(400, "no_text"));
        }
        return Optional.empty();
    }

    @Override
    protected Answer accepted() {
        return plain(200, "ok");
    }

    @Override
    protected Answer answerFor(int status, String reason) {
        return plain(status, status == 400 ? "invalid_payload" : reason);
    }

    private static Answer plain(int status, String body) {
        return new Answer(status, "text/html", body);
    }

    /** Title of the first attachment: Alertmanager puts "[FIRING:1] ..." or "[RESOLVED] ..." there. */
    public static String title(Message m) {
        return m.payload().path("attachments").path(0).path("title").asText();
    }

    public static String text(Message m) {
        return m.payload().path("attachments").path(0).path("text").asText();
    }
}
