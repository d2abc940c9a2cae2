package dev.monitoringlab.stack.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Behaves like the endpoint of a plain Alertmanager webhook_config: a dead man's switch's ping URL (healthchecks.io,
 * Dead Man's Snitch), where any POST to the check's path counts as a ping, or an incident tool's alert hook. It
 * answers 200 "OK", 404 for another path, and insists on Alertmanager's payload (version 4, at least one alert).
 */
public final class FakeAlertWebhook extends WebhookSink {
    private static final String PATH = "/ping/5bf66975-d4c7-4bf5-bcc8-b8d8a82ea278";

    @Override
    public String url() {
        return base() + PATH;
    }

    @Override
    protected Optional<Answer> reject(String path, JsonNode p) {
        if (!path.equals(PATH)) {
            return Optional.of(plain(404, "not found"));
        }
        if (!"4".equals(p.path("version").asText()) || !p.path("alerts").isArray() || p.path("alerts").isEmpty()) {
            return Optional.of(plain(400, "not an Alertmanager webhook payload (version 4 with alerts)"));
        }
        return Optional.empty();
    }

    @Override
    protected Answer accepted() {
        return plain(200, "OK");
    }

    @Override
    protected Answer answerFor(int status, String reason) {
        return plain(status, reason);
    }

    private static Answer plain(int status, String body) {
        return new Answer(status, "text/plain", body);
    }

    /**
     * A one-line title in the style of Alertmanager's default Slack and Discord titles: {@code [FIRING:1] TargetDown
     * (job=store_model)} or {@code [RESOLVED] TargetDown (job=store_model)}, from the payload's status, its alerts'
     * names and their {@code job} labels.
     */
    public static String title(Message m) {
        JsonNode p = m.payload();
        boolean firing = "firing".equals(p.path("status").asText());
        java.util.Set<String> jobs = new java.util.TreeSet<>();
        p.path("alerts").forEach(a -> {
            String job = a.path("labels").path("job").asText("");
            if (!job.isEmpty()) {
                jobs.add(job);
            }
        });
        String names = String.join(", ", new java.util.TreeSet<>(alertNames(m)));
        return (firing ? "[FIRING:" + p.path("alerts").size() + "] " : "[RESOLVED] ") + names
                + (jobs.isEmpty() ? "" : " (job=" + String.join(",", jobs) + ")");
    }

    /** Names of the alerts in one message, e.g. [Watchdog]. */
    public static java.util.List<String> alertNames(Message m) {
        java.util.List<String> out = new java.util.ArrayList<>();
        m.payload().path("alerts").forEach(a -> out.add(a.path("labels").path("alertname").asText()));
        return out;
    }
}
