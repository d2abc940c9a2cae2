package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertPagesTest {
    @TempDir
    Path raw;

    @Test
    void oneRowPerAlertWithBothPagesAndTheAnnotations() throws IOException {
        Files.writeString(raw.resolve("alerts-TargetDown.prometheus.json"), """
                [{"labels":{"alertname":"TargetDown","component":"monitoring","instance":"localhost:8000",
                  "job":"store_model","severity":"warning"},
                  "annotations":{"summary":"Target localhost:8000 of job store_model is down",
                  "description":"Prometheus could not scrape it for 1m","runbook_url":"docs/runbooks/TargetDown.md"},
                  "state":"firing","activeAt":"2026-11-30T22:10:00.123456Z","value":"0e+00"}]""");
        Files.writeString(raw.resolve("alerts-TargetDown.alertmanager.json"), """
                [{"labels":{"alertname":"TargetDown"},"receivers":[{"name":"monitoring"}],
                  "startsAt":"2026-11-30T22:11:00.5Z","status":{"state":"active","inhibitedBy":[],"silencedBy":[]}}]""");
        // a Prometheus page without its Alertmanager page is not a pair: left out
        Files.writeString(raw.resolve("alerts-HostHighCpuLoad.prometheus.json"), "[{}]");

        String table = AlertPages.table(raw);

        assertThat(table.lines().filter(l -> l.startsWith("| **"))).hasSize(1);
        assertThat(table).contains("| **TargetDown** (warning) | instance=localhost:8000, job=store_model |",
                "firing, its condition true since 2026-11-30T22:10:00Z", "active since 2026-11-30T22:11:00Z, to monitoring",
                "Target localhost:8000 of job store_model is down", "docs/runbooks/TargetDown.md");
        assertThat(table).doesNotContain("HostHighCpuLoad");
    }

    @Test
    void noPagesAtAllIsAnError() throws IOException {
        assertThatThrownBy(() -> AlertPages.table(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no alert pages");
        Files.writeString(raw.resolve("alerts-TargetDown.prometheus.json"), "[]");
        Files.writeString(raw.resolve("alerts-TargetDown.alertmanager.json"), "[]");
        assertThatThrownBy(() -> AlertPages.table(raw)).hasMessageContaining("non-empty JSON array");
    }
}
