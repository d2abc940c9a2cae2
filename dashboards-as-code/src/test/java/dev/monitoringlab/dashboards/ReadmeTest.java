package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's figures that come from the code (the alerts' windows and thresholds) are the generated ones. */
class ReadmeTest {
    private static final MonitoringSettings DEFAULTS = MonitoringSettings.defaults();

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theCpuPanelsQueryIsShownAsGenerated() throws Exception {
        assertThat(readme()).contains("`" + new HostDashboard(DEFAULTS).cpuBusyExpr() + "`");
    }

    @Test
    void theRedLinesAreShownAtTheDefaultThresholds() throws Exception {
        assertThat(readme()).contains(
                "ModelMockHighAccuracy threshold (" + Common.number(DEFAULTS.modelMockThreshold()) + ")",
                "HostHighCpuLoad threshold (" + Common.number(DEFAULTS.hostCpuThresholdPercent()) + " %)",
                "StoreSuccessRateLow threshold (" + Common.percent(DEFAULTS.storeSuccessThreshold()) + " %)");
    }
}
