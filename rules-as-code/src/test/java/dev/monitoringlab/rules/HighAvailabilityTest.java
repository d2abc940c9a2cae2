package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighAvailabilityTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replica(MonitoringSettings s, String name) {
        return (Map<String, Object>) Yaml.read(Yaml.write(HighAvailability.prometheusConfig(s, name)));
    }

    @Test
    void replicasDifferOnlyInTheirReplicaLabel() {
        MonitoringSettings s = MonitoringSettings.defaults();
        Map<String, Object> a = replica(s, "a");
        Map<String, Object> b = replica(s, "b");
        assertThat(a.get("global")).isEqualTo(Map.of("scrape_interval", "5s", "evaluation_interval", "5s",
                "external_labels", Map.of("replica", "a")));
        assertThat(((Map<?, ?>) b.get("global")).get("external_labels")).isEqualTo(Map.of("replica", "b"));
        a.remove("global");
        b.remove("global");
        assertThat(a).isEqualTo(b);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReplicaAlertsBothAlertmanagersAndWritesToVictoriaMetricsWithoutItsReplicaLabel() {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.HA_ALERTMANAGER_PORT_B, "19095")
                .with(Setting.VICTORIA_METRICS_PORT, "18428");
        Map<String, Object> a = replica(s, "a");
        Map<String, Object> alerting = (Map<String, Object>) a.get("alerting");
        assertThat(alerting.get("alertmanagers")).isEqualTo(List.of(Map.of("static_configs",
                List.of(Map.of("targets", List.of("localhost:9093", "localhost:19095"))))));
        Map<String, String> dropReplica = Map.of("action", "labeldrop", "regex", "replica");
        assertThat(alerting.get("alert_relabel_configs")).isEqualTo(List.of(dropReplica));
        assertThat(a.get("remote_write")).isEqualTo(List.of(Map.of("url", "http://localhost:18428/api/v1/write",
                "write_relabel_configs", List.of(dropReplica))));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) a.get("scrape_configs");
        assertThat(jobs).extracting(j -> j.get("job_name")).contains("prometheus", "alertmanager", "model_mock",
                "node", "victoriametrics");
        assertThat(jobs.stream().filter(j -> j.get("job_name").equals("prometheus")).findFirst().orElseThrow()
                .get("static_configs")).isEqualTo(List.of(Map.of("targets", List.of("localhost:9090", "localhost:9092"))));
    }

    @Test
    void theSingleInstanceConfigHasNoReplicaLabelNorRemoteWrite() {
        String single = ConfigGenerator.render(MonitoringSettings.defaults()).stream()
                .filter(f -> f.relativePath().equals(ConfigGenerator.PROMETHEUS_YML)).findFirst().orElseThrow().content();
        assertThat(single).doesNotContain("external_labels").doesNotContain("remote_write")
                .doesNotContain("alert_relabel_configs");
    }

    @Test
    void thePeerTimeoutMustBeShorterThanTheGroupInterval() {
        HighAvailability.checkPeerTimeout(MonitoringSettings.defaults());
        HighAvailability.checkPeerTimeout(MonitoringSettings.defaults().with(Setting.GROUP_INTERVAL, "30s")
                .with(Setting.HA_ALERTMANAGER_PEER_TIMEOUT, "15s"));
        assertThatThrownBy(() -> HighAvailability.checkPeerTimeout(MonitoringSettings.defaults()
                .with(Setting.HA_ALERTMANAGER_PEER_TIMEOUT, "1s")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("invalid setting ha.alertmanager.peer-timeout=1s: must be shorter than"
                        + " alertmanager.group-interval (1s)");
    }

    @Test
    void promtoolAcceptsBothReplicaFiles() throws IOException {
        ConfigGenerator.writeAll(MonitoringSettings.defaults(), dir);
        for (String r : HighAvailability.REPLICAS) {
            assertThat(Files.exists(dir.resolve(HighAvailability.prometheusYml(r)))).isTrue();
        }
        List<String> out = ConfigChecks.checkAll(dir, true);
        for (ExternalTool.Distribution d : ExternalTool.Distribution.selected()) {
            assertThat(out).as("checked with " + d.id()).anySatisfy(l -> assertThat(l).startsWith("checked with promtool ")
                    .endsWith("(" + d.id() + "):"));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(5).allSatisfy(l -> assertThat(l).doesNotContain("FAILED"));
    }
}
