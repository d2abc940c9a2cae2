package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import org.junit.jupiter.api.Test;

class PrometheusFlagsTest {
    @Test
    void theRestoreFlagsComeFromTheSettings() {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.PROMETHEUS_FOR_GRACE_PERIOD, "90s");
        assertThat(PrometheusFlags.commandLine(s)).containsExactly("--rules.alert.for-grace-period=1m30s",
                "--rules.alert.for-outage-tolerance=10m");
        assertThat(PrometheusFlags.composeVariables(s)).containsExactly(
                java.util.Map.entry("PROMETHEUS_FOR_GRACE_PERIOD", "1m30s"),
                java.util.Map.entry("PROMETHEUS_FOR_OUTAGE_TOLERANCE", "10m"));
    }

    /** Prometheus restores a pending alert only when its 'for' is at least the grace period. */
    @Test
    void byDefaultThePendingStateOfEveryAlertWithAForOfAMinuteOrMoreSurvivesARestart() {
        MonitoringSettings s = MonitoringSettings.defaults();
        var grace = s.duration(Setting.PROMETHEUS_FOR_GRACE_PERIOD);
        assertThat(s.duration(Setting.HOST_CPU_FOR)).isGreaterThanOrEqualTo(grace);
        assertThat(s.duration(Setting.STORE_SUCCESS_FOR)).isGreaterThanOrEqualTo(grace);
        assertThat(s.duration(Setting.TARGET_DOWN_FOR)).isGreaterThanOrEqualTo(grace);
        assertThat(grace).as("a few evaluations after a restart before a restored alert may fire")
                .isGreaterThanOrEqualTo(s.evaluationInterval().multipliedBy(3));
        assertThat(s.duration(Setting.PROMETHEUS_FOR_OUTAGE_TOLERANCE)).isGreaterThan(s.duration(Setting.HOST_CPU_FOR));
    }
}
