package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import org.junit.jupiter.api.Test;

class LocalNodeExporterTest {
    @Test
    void runsWhenTheNodeJobScrapesThisMachinesPort() {
        MonitoringSettings s = MonitoringSettings.defaults();
        assertThat(LocalNodeExporter.scraped(s)).isTrue();
        assertThat(LocalNodeExporter.scraped(s.with(Setting.NODE_TARGETS, "127.0.0.1:9100,vm:9100"))).isTrue();
        assertThat(LocalNodeExporter.scraped(s.with(Setting.NODE_TARGETS, "192.168.122.10:9100"))).isFalse();
        assertThat(LocalNodeExporter.scraped(s.with(Setting.NODE_EXPORTER_PORT, "19100"))).as("other port").isFalse();
    }

    @Test
    void addingItKeepsTheVmAndAddsThisMachineOnce() {
        MonitoringSettings vm = MonitoringSettings.defaults().with(Setting.NODE_TARGETS, "192.168.122.10:9100");
        assertThat(LocalNodeExporter.addedToTargets(vm).nodeTargets()).containsExactly("192.168.122.10:9100", "localhost:9100");
        MonitoringSettings both = LocalNodeExporter.addedToTargets(vm);
        assertThat(LocalNodeExporter.addedToTargets(both).nodeTargets()).hasSize(2);
    }
}
