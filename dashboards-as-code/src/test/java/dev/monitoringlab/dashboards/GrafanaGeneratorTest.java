package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.GridPos;
import dev.monitoringlab.rules.Yaml;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaGeneratorTest {
    @TempDir
    Path out;

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void writesEveryDashboardAndBothProvisioningFiles() throws Exception {
        GrafanaGenerator.writeAll(MonitoringSettings.defaults(), out);
        assertThat(files(out)).extracting(Path::toString).containsExactly(
                "dashboards/host.json", "dashboards/model-mock.json", "dashboards/store-model-slo.json",
                "dashboards/store-model.json",
                "provisioning/dashboards/dashboards.yml", "provisioning/datasources/prometheus.yml");
        assertThat(Files.readString(out.resolve("dashboards/model-mock.json"))).contains("\"uid\": \"model-mock\"");
    }

    @Test
    void datasourcePointsAtTheHostsPrometheusWithTheScrapeInterval() throws Exception {
        MonitoringSettings s = MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, "9191").with(Setting.SCRAPE_INTERVAL, "15s");
        GrafanaGenerator.writeAll(s, out);
        List<String> lines = Files.readAllLines(out.resolve(GrafanaGenerator.DATASOURCES_FILE));
        assertThat(lines.get(0) + "\n" + lines.get(1) + "\n").isEqualTo(Yaml.HEADER);
        assertThat(lines).contains("apiVersion: 1", "    uid: prometheus", "    type: prometheus",
                "    url: http://host.docker.internal:9191", "      timeInterval: 15s");
    }

    @Test
    void dashboardProviderReadsTheFolderComposeMounts() throws Exception {
        GrafanaGenerator.writeAll(MonitoringSettings.defaults(), out);
        List<String> lines = Files.readAllLines(out.resolve(GrafanaGenerator.PROVIDERS_FILE));
        assertThat(lines.get(0) + "\n" + lines.get(1) + "\n").isEqualTo(Yaml.HEADER);
        assertThat(lines).contains("    type: file", "      path: " + GrafanaProvisioning.DASHBOARDS_MOUNT);
    }

    @Test
    void filesAreReadableByGrafanasUserAndNoTempFilesRemain() throws Exception {
        GrafanaGenerator.writeAll(MonitoringSettings.defaults(), out);
        for (Path f : files(out)) {
            assertThat(f.getFileName().toString()).doesNotEndWith(".tmp");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))))
                    .as(f.toString()).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aRefusedDashboardWritesNothingAndKeepsThePreviousGeneration() throws Exception {
        GrafanaGenerator.writeAll(MonitoringSettings.defaults(), out);
        String before = Files.readString(out.resolve("dashboards/host.json"));
        List<Dashboard> broken = new ArrayList<>(Dashboards.all(MonitoringSettings.defaults()));
        broken.add(new HostDashboard(MonitoringSettings.defaults()).build());
        assertThatThrownBy(() -> GrafanaGenerator.render(MonitoringSettings.defaults(), broken))
                .isInstanceOf(DashboardException.class).hasMessageContaining("duplicate uid");
        assertThat(Files.readString(out.resolve("dashboards/host.json"))).isEqualTo(before);
        assertThat(files(out)).hasSize(6);
    }

    @Test
    void aRefusedDashboardInAnEmptyFolderLeavesItEmpty() throws Exception {
        Dashboard offGrid = Common.dashboard("off", "Off grid", "x")
                .withPanel(Common.timeseries("Wide", "x").withTarget(Common.query("up", ""))
                        .gridPos(new GridPos(8, 25, 0, 0, null)))
                .build();
        assertThatThrownBy(() -> GrafanaGenerator.write(
                GrafanaGenerator.render(MonitoringSettings.defaults(), List.of(offGrid)), out))
                .isInstanceOf(DashboardException.class);
        assertThat(files(out)).isEmpty();
    }

    @Test
    void removesGeneratedDashboardsThatNoLongerExistButKeepsImportedOnes() throws Exception {
        Path dashboards = Files.createDirectories(out.resolve(GrafanaGenerator.DASHBOARDS_DIR));
        Files.writeString(dashboards.resolve("old-uid.json"),
                "{\"uid\": \"old-uid\", \"description\": \"" + Common.GENERATED_NOTE + ". old\"}");
        Files.writeString(dashboards.resolve("node-exporter-full.json"), "{\"uid\": \"rYdddlPWk\"}");
        GrafanaGenerator.writeAll(MonitoringSettings.defaults(), out);
        assertThat(dashboards.resolve("old-uid.json")).doesNotExist();
        assertThat(dashboards.resolve("node-exporter-full.json")).exists();
    }
}
