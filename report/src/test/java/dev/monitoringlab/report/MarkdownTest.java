package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.stack.AlertmanagerApi;
import dev.monitoringlab.stack.PrometheusApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    private static final Instant AT = Instant.parse("2026-11-21T06:00:00Z");

    @Test
    void tableHasHeaderSeparatorAndEscapedCells() {
        String md = Markdown.table(List.of("a", "b"), List.of(List.of("x|y", "line1\nline2")));
        assertThat(md).isEqualTo("| a | b |\n|---|---|\n| x\\|y | line1<br>line2 |\n");
    }

    @Test
    void aRowWithTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> Markdown.table(List.of("a", "b"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetsTableCountsHealthyTargetsAndSortsByJob() {
        String md = StackTables.targets(List.of(
                new PrometheusApi.Target("node", "localhost:9100", "up", ""),
                new PrometheusApi.Target("model_mock", "localhost:9000", "down",
                        "Get \"http://localhost:9000/metrics\": dial tcp 127.0.0.1:9000: connect: connection refused")), AT);
        assertThat(md).startsWith("Targets at 2026-11-21 06:00:00 UTC: 1 of 2 up.")
                .containsSubsequence("| model_mock | localhost:9000 | down | Get", "| node | localhost:9100 | up |  |");
    }

    @Test
    void alertsTableShowsBothSidesAndSaysWhenEmpty() {
        String md = StackTables.alerts(List.of(new PrometheusApi.Alert("HostHighCpuLoad", "pending",
                        Map.of("instance", "localhost:9100"), AT, 97.5)),
                List.of(new AlertmanagerApi.Alert(Map.of("alertname", "ModelMockHighAccuracy", "component", "model-mock"),
                        Map.of("summary", "Model mock accuracy is very high"), "active", "2026-11-21T05:59:58Z", "")), AT);
        assertThat(md).contains("| HostHighCpuLoad | pending | localhost:9100 | 2026-11-21T06:00:00Z | 97.500 |")
                .contains("| ModelMockHighAccuracy | active | model-mock | 2026-11-21T05:59:58Z | Model mock accuracy is very high |");
        assertThat(StackTables.alerts(List.of(), List.of(), AT)).contains("No alert is pending or firing.")
                .contains("Alertmanager holds no active alert.");
    }
}
