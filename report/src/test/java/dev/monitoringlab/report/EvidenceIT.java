package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.PrometheusApi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence command against the real thing: Prometheus, Alertmanager, the mock playing 0.2, 0.9, ... and this
 * machine's node exporter, all on free ports. The charts and tables must come out with what the stack really holds.
 */
class EvidenceIT {
    @TempDir
    Path work;

    @Test
    void capturesChartsAndTablesFromALiveStack() throws IOException {
        int node = Ports.free();
        int mock = Ports.free();
        int store = Ports.free();
        MonitoringSettings s = MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.MODEL_MOCK_PORT, String.valueOf(mock))
                .with(Setting.NODE_EXPORTER_PORT, String.valueOf(node))
                .with(Setting.NODE_TARGETS, "localhost:" + node)
                .with(Setting.STORE_MODEL_PORT, String.valueOf(store))
                .with(Setting.CADVISOR_TARGETS, "localhost:" + Ports.free());
        Instant started = Instant.now();
        try (NativeStack stack = NativeStack.builder(s).workDir(work.resolve("stack"))
                .withModelMock("--values", "0.2,0.9").withNodeExporter().start()) {
            PrometheusApi prom = stack.prometheus();
            // five scrapes of the mock and one firing of the alert: enough history to chart (the command counts
            // up to the whole second before it runs, so it may see one scrape less)
            prom.awaitQuery("count_over_time(model_result[1m])", r -> !r.isEmpty() && r.get(0).value() >= 5,
                    Duration.ofSeconds(60));
            prom.awaitQuery("ALERTS{alertname=\"ModelMockHighAccuracy\", alertstate=\"firing\"}", r -> !r.isEmpty(),
                    Duration.ofSeconds(30));
            Path phases = Files.writeString(work.resolve("phases.csv"), Phases.HEADER + "\ncpu,idle,quiet,"
                    + started + "," + Instant.now() + "\n");
            Path out = work.resolve("evidence");
            EvidenceOptions options = new EvidenceOptions(stack.url(Setting.PROMETHEUS_PORT),
                    stack.url(Setting.ALERTMANAGER_PORT), out, java.util.Optional.of(phases), java.util.Optional.empty(),
                    Duration.ofMinutes(1), java.util.Optional.empty(), "this test machine, no load");
            ByteArrayOutputStream log = new ByteArrayOutputStream();

            new EvidenceCommand(s, options, Machine.local(), new PrintWriter(log, true, StandardCharsets.UTF_8)).run();

            BufferedImage chart = ImageIO.read(out.resolve(EvidenceCommand.MODEL_CHART).toFile());
            assertThat(chart.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(Charts.HEIGHT);
            assertThat(ImageIO.read(out.resolve(EvidenceCommand.CPU_CHART).toFile())).isNotNull();
            assertThat(Files.readString(out.resolve("targets.md")))
                    .contains("| model_mock | localhost:" + mock + " | up |")
                    .contains("| node | localhost:" + node + " | up |")
                    .contains("| store_model | localhost:" + store + " | down |");
            assertThat(Files.readString(out.resolve("alerts.md"))).contains("ModelMockHighAccuracy");
            String firing = Files.readString(out.resolve("model-mock-firing.md"));
            assertThat(firing).containsPattern("\\| values scraped \\| ([4-9]|1[0-3]) \\| 12.00 \\|")
                    .containsPattern("\\| firing episodes \\(ALERTS series\\) \\| [1-7] = ")
                    .contains("not recorded (no --messages)");
            assertThat(Files.readString(out.resolve("cpu-timeline.md"))).contains("| start idle |")
                    .contains("node exporter localhost:" + node);
            for (String name : java.util.List.of(EvidenceCommand.MODEL_CHART, EvidenceCommand.CPU_CHART)) {
                Charts.Spec kept = ChartData.read(ChartData.fileFor(out, name));
                assertThat(kept.lines()).as(name + ": the series Prometheus answered").isNotEmpty()
                        .allSatisfy(l -> assertThat(l.points()).isNotEmpty());
                assertThat(Charts.png(Charts.build(kept), Charts.WIDTH, Charts.HEIGHT))
                        .as(name + " drawn again from its kept data is the same PNG").isEqualTo(Files.readAllBytes(out.resolve(name)));
            }
            assertThat(ChartData.read(ChartData.fileFor(out, EvidenceCommand.MODEL_CHART)).thresholds())
                    .containsExactly(new Charts.Threshold(s.modelMockThreshold(), "threshold " + s.modelMockThreshold()));
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("no 'store' phases");
            try (var files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }
}
