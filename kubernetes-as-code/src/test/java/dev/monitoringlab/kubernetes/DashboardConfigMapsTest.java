package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.dashboards.GrafanaGenerator;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboards inside the ConfigMaps, after a YAML round trip, are byte for byte the provisioned files. */
class DashboardConfigMapsTest {
    @TempDir
    Path dir;

    @Test
    void theConfigMapsHoldTheProvisionedDashboardsByteForByte() throws Exception {
        for (MonitoringSettings s : List.of(MonitoringSettings.defaults(),
                MonitoringSettings.defaults().with(Setting.MODEL_MOCK_THRESHOLD, "0.5"))) {
            Path out = Files.createTempDirectory(dir, "grafana");
            GrafanaGenerator.writeAll(s, out);
            Map<String, byte[]> provisioned = new TreeMap<>();
            try (Stream<Path> files = Files.list(out.resolve(GrafanaGenerator.DASHBOARDS_DIR))) {
                for (Path p : files.toList()) {
                    provisioned.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
            Map<String, byte[]> inConfigMaps = new TreeMap<>();
            for (Map<String, Object> cm : new Manifests(s).ofKind("ConfigMap")) {
                Map<String, Object> data = Manifests.at(cm, "data");
                data.forEach((k, v) -> inConfigMaps.put(k, ((String) v).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(inConfigMaps.keySet()).isNotEmpty().isEqualTo(provisioned.keySet());
            provisioned.forEach((file, bytes) -> assertThat(inConfigMaps.get(file)).as(file).isEqualTo(bytes));
        }
    }
}
