package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LauncherSettingsTest {
    @Test
    void cadvisorIsOffUnlessSwitchedOn() {
        assertThat(MonitoringSettings.defaults().flag(Setting.CADVISOR_ENABLED)).isFalse();
        assertThat(MonitoringSettings.defaults().with(Setting.CADVISOR_ENABLED, "true").flag(Setting.CADVISOR_ENABLED)).isTrue();
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.CADVISOR_ENABLED, "yes"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("invalid setting cadvisor.enabled=yes (from override): 'yes' is not true or false");
        assertThatThrownBy(() -> MonitoringSettings.defaults().flag(Setting.PROMETHEUS_PORT))
                .hasMessageContaining("prometheus.port is not true/false");
    }

    @Test
    void trafficRateIsANonNegativeNumberWithZeroForNone() {
        assertThat(MonitoringSettings.defaults().number(Setting.STORE_MODEL_TRAFFIC_RATE)).isEqualTo(1.0);
        assertThat(MonitoringSettings.defaults().with(Setting.STORE_MODEL_TRAFFIC_RATE, "0")
                .number(Setting.STORE_MODEL_TRAFFIC_RATE)).isZero();
        assertThat(MonitoringSettings.defaults().with(Setting.STORE_MODEL_TRAFFIC_RATE, "0.5")
                .number(Setting.STORE_MODEL_TRAFFIC_RATE)).isEqualTo(0.5);
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.STORE_MODEL_TRAFFIC_RATE, "-1"))
                .hasMessage("invalid setting store-model.traffic-rate=-1 (from override): -1 is not a number of 0 or more");
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.STORE_MODEL_TRAFFIC_RATE, "fast"))
                .hasMessageContaining("is not a number");
    }
}
