package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookRecorderTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void monitoringAndHeartbeatWebhooksAreRecordedWithAlertmanagerStyleTitles() throws Exception {
        try (WebhookRecorder recorder = new WebhookRecorder()) {
            Map<String, String> env = recorder.envFile().lines().map(l -> l.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            assertThat(env).containsKeys("DISCORD_WEBHOOK_URL", "SLACK_WEBHOOK_URL", "TELEGRAM_API_URL",
                    "MONITORING_WEBHOOK_URL", "HEARTBEAT_WEBHOOK_URL");

            assertThat(post(env.get("MONITORING_WEBHOOK_URL"), payload("firing", "TargetDown", "store_model"))).isEqualTo(200);
            assertThat(post(env.get("MONITORING_WEBHOOK_URL"), payload("resolved", "TargetDown", "store_model"))).isEqualTo(200);
            assertThat(post(env.get("HEARTBEAT_WEBHOOK_URL"), payload("firing", "Watchdog", ""))).isEqualTo(200);
            // not Alertmanager's payload: refused, not recorded
            assertThat(post(env.get("MONITORING_WEBHOOK_URL"), "{\"version\":\"4\",\"alerts\":[]}")).isEqualTo(400);

            assertThat(recorder.messages()).extracting(m -> m.receiver() + " " + m.title()).containsExactly(
                    "monitoring [FIRING:1] TargetDown (job=store_model)",
                    "monitoring [RESOLVED] TargetDown (job=store_model)",
                    "heartbeat [FIRING:1] Watchdog");
            assertThat(recorder.messages().get(0).firing()).isTrue();
            assertThat(recorder.messages().get(1).resolved()).isTrue();
        }
    }

    private int post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String payload(String status, String alert, String job) {
        String jobLabel = job.isEmpty() ? "" : ",\"job\":\"" + job + "\"";
        return "{\"version\":\"4\",\"status\":\"" + status + "\",\"receiver\":\"x\",\"alerts\":[{\"status\":\"" + status
                + "\",\"labels\":{\"alertname\":\"" + alert + "\"" + jobLabel + "}}]}";
    }
}
