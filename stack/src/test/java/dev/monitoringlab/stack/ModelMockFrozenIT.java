package dev.monitoringlab.stack;

import static dev.monitoringlab.stack.Episodes.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.monitoringlab.modelmock.ModelMockMetrics;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.receivers.FakeAlertWebhook;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModelMockResultFrozen live: the real Prometheus and Alertmanager scrape an in-process mock made of the mock's own
 * metrics ({@link ModelMockMetrics}: model_result, model_result_updates_total) whose value source stops while its
 * HTTP server keeps answering, as when the mock's update timer dies. Short timings (1 s scrapes, 5 s window, 5 s
 * for) so it costs seconds; the production figures are pinned by the promtool tests.
 */
class ModelMockFrozenIT {
    private static final String ALERT = "ModelMockResultFrozen";

    @TempDir
    Path work;

    @Test
    void aMockThatKeepsServingAValueThatNoLongerChangesRaisesModelMockResultFrozen() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        ModelMockMetrics metrics = new ModelMockMetrics(registry);
        AtomicBoolean frozen = new AtomicBoolean();
        HttpServer mock = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mock.createContext("/metrics", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ExpositionFormats.init().getPrometheusTextFormatWriter().write(body, registry.scrape());
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.size());
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        });
        mock.start();
        SplittableRandom random = new SplittableRandom(7);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        // below the lab's threshold, so only the frozen value can raise an alert about the mock
        timer.scheduleAtFixedRate(() -> {
            if (!frozen.get()) {
                metrics.record(0.1 + random.nextDouble() * 0.5);
            }
        }, 0, 1, TimeUnit.SECONDS);
        try (FakeAlertWebhook monitoring = new FakeAlertWebhook()) {
            MonitoringSettings s = MonitoringSettings.defaults()
                    .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                    .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                    .with(Setting.MODEL_MOCK_PORT, String.valueOf(mock.getAddress().getPort()))
                    .with(Setting.NODE_TARGETS, "")
                    .with(Setting.STORE_MODEL_PORT, String.valueOf(Ports.free()))
                    .with(Setting.SCRAPE_INTERVAL, "1s")
                    .with(Setting.EVALUATION_INTERVAL, "1s")
                    .with(Setting.MODEL_MOCK_FROZEN_WINDOW, "5s")
                    .with(Setting.MODEL_MOCK_FROZEN_FOR, "5s")
                    .with(Setting.MONITORING_WEBHOOK_URL, monitoring.url());
            try (NativeStack stack = NativeStack.builder(s).workDir(work).log(System.out).start()) {
                PrometheusApi prometheus = stack.prometheus();
                prometheus.awaitQuery("increase(model_result_updates_total{job=\"model_mock\"}[5s])",
                        q -> q.size() == 1 && q.get(0).value() > 0, Duration.ofSeconds(30));
                // the first evaluations see a window of one or two samples, which can hold no update yet: the check
                // starts once the window is full and that start-up moment has passed
                prometheus.awaitQuery("count_over_time(model_result_updates_total{job=\"model_mock\"}[5s])",
                        q -> q.size() == 1 && q.get(0).value() >= 4, Duration.ofSeconds(30));
                awaitTrue(() -> prometheus.alerts().stream().noneMatch(a -> a.name().equals(ALERT)),
                        Duration.ofSeconds(15), "no " + ALERT + " once the window is full");
                // while the values flow, for three times window + for: never pending, never firing
                Instant flowing = Instant.now();
                while (Duration.between(flowing, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
                    assertThat(prometheus.alerts()).as("alerts while the mock's values change")
                            .noneMatch(a -> a.name().equals(ALERT));
                    Waits.pause(Duration.ofSeconds(1));
                }
                frozen.set(true);
                Instant frozenAt = Instant.now();
                Instant firing = awaitTrue(() -> prometheus.alerts().stream()
                        .anyMatch(a -> a.name().equals(ALERT) && a.state().equals("firing")), Duration.ofSeconds(60),
                        ALERT + " firing in Prometheus");
                Message m = monitoring.await(x -> x.payload().path("status").asText().equals("firing")
                        && FakeAlertWebhook.alertNames(x).contains(ALERT), Duration.ofSeconds(30));
                System.out.printf("model_result frozen at %s: %s firing after %.1f s, at the monitoring webhook after"
                        + " %.1f s (window 5s + for 5s at 1 s scrapes)%n", frozenAt, ALERT,
                        Episodes.millis(frozenAt, firing) / 1000.0, Episodes.millis(frozenAt, m.receivedAt()) / 1000.0);
                assertThat(m.payload().path("receiver").asText()).isEqualTo("monitoring");
                assertThat(m.payload().path("alerts").path(0).path("labels").path("job").asText()).isEqualTo("model_mock");
                assertThat(Episodes.millis(frozenAt, firing)).as("ms from the freeze to firing").isGreaterThanOrEqualTo(5_000);
                assertThat(prometheus.query("up{job=\"model_mock\"} == 1")).as("the mock still answers scrapes").hasSize(1);
                assertThat(prometheus.query("model_result")).as("and still exports model_result").hasSize(1);
                assertThat(prometheus.alerts()).as("no other alert about the mock").noneMatch(a ->
                        a.name().equals("ModelMockResultMissing") || a.name().equals("ModelMockHighAccuracy"));
            }
        } finally {
            timer.shutdownNow();
            mock.stop(0);
        }
    }
}
