package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The kubernetes.* settings are checked as the API server checks names and label values, one line per refusal. */
class KubernetesSettingsTest {
    @Test
    void namespaceAndSecretNameAreDns1123Labels() {
        assertThat(MonitoringSettings.defaults().with(Setting.KUBERNETES_NAMESPACE, "lab-1").raw(Setting.KUBERNETES_NAMESPACE))
                .isEqualTo("lab-1");
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.KUBERNETES_NAMESPACE, "Monitoring_Lab"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("invalid setting kubernetes.namespace=Monitoring_Lab")
                .hasMessageContaining("DNS-1123");
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.KUBERNETES_WEBHOOK_SECRET, "a".repeat(64)))
                .hasMessageStartingWith("invalid setting kubernetes.webhook-secret=");
    }

    @Test
    void releaseLabelIsALabelValue() {
        assertThat(MonitoringSettings.defaults().with(Setting.KUBERNETES_RELEASE_LABEL, "Prom_1.x").raw(
                Setting.KUBERNETES_RELEASE_LABEL)).isEqualTo("Prom_1.x");
        for (String bad : new String[] {"", "-kps", "kps/1", "a".repeat(64)}) {
            assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.KUBERNETES_RELEASE_LABEL, bad))
                    .as(bad).hasMessageStartingWith("invalid setting kubernetes.release-label=")
                    .hasMessageContaining("label value").hasMessageNotContaining("\n");
        }
    }
}
