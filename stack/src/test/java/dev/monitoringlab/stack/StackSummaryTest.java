package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackSummaryTest {
    private static final List<StackSummary.Service> SERVICES = List.of(
            new StackSummary.Service("Prometheus", "http://127.0.0.1:9090"),
            new StackSummary.Service("store model", "http://127.0.0.1:8000/docs"));

    @Test
    void everyServiceWithItsUrlThenTheTargetsCounted() {
        StackSummary.Targets t = new StackSummary.Targets(List.of(
                new PrometheusApi.Target("prometheus", "localhost:9090", "up", ""),
                new PrometheusApi.Target("store_model", "localhost:8000", "up", "")), Duration.ofMillis(4200));
        assertThat(t.allUp()).isTrue();
        assertThat(StackSummary.render(SERVICES, t)).isEqualTo(String.join("\n",
                "stack: services",
                "  Prometheus   http://127.0.0.1:9090",
                "  store model  http://127.0.0.1:8000/docs",
                "stack: targets 2/2 up (as Prometheus sees them, after 4.2 s)",
                "  up    prometheus   localhost:9090",
                "  up    store_model  localhost:8000"));
    }

    @Test
    void aTargetStillDownIsNamedWithPrometheusReason() {
        StackSummary.Targets t = new StackSummary.Targets(List.of(
                new PrometheusApi.Target("prometheus", "localhost:9090", "up", ""),
                new PrometheusApi.Target("node", "192.168.122.10:9100", "down",
                        "Get \"http://192.168.122.10:9100/metrics\": dial tcp 192.168.122.10:9100: connect: no route to host"),
                new PrometheusApi.Target("model_mock", "localhost:9000", "unknown", "")), Duration.ofSeconds(60));
        assertThat(t.allUp()).isFalse();
        assertThat(t.up()).isEqualTo(1);
        String text = StackSummary.render(SERVICES, t);
        assertThat(text).contains("stack: targets 1/3 up")
                .contains("  down  node        192.168.122.10:9100  Get \"http://192.168.122.10:9100/metrics\": dial tcp"
                        + " 192.168.122.10:9100: connect: no route to host")
                .contains("  unknown  model_mock  localhost:9000       (not scraped yet)");
    }

    @Test
    void noTargetsIsNotAllUp() {
        StackSummary.Targets t = new StackSummary.Targets(List.of(), Duration.ZERO);
        assertThat(t.allUp()).isFalse();
        assertThat(StackSummary.render(SERVICES, t)).contains("0/0 up").contains("(Prometheus listed no targets)");
    }
}
