package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of the alerts about the monitoring itself: TargetDown, the two webhooks and the runbook links. */
class SelfMonitoringSettingsTest {
    @TempDir
    Path root;

    @Test
    void defaults() {
        MonitoringSettings s = MonitoringSettings.defaults();
        assertThat(s.promDuration(Setting.TARGET_DOWN_FOR)).isEqualTo("1m");
        assertThat(s.promDuration(Setting.HEARTBEAT_REPEAT_INTERVAL)).isEqualTo("1m");
        assertThat(s.raw(Setting.RUNBOOKS_BASE_URL)).isEqualTo("docs/runbooks");
        assertThat(s.heartbeatWebhook().value()).as("no heartbeat receiver by default").isEmpty();
    }

    @Test
    void theHeartbeatUrlComesFromItsSecretFileOrTheEnvironment() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        assertThat(MonitoringSettings.builder().layout(layout).build().heartbeatWebhook().source())
                .contains("stack/secrets/heartbeat_webhook_url").contains("HEARTBEAT_WEBHOOK_URL");
        Files.createDirectories(layout.secretsDir());
        Files.writeString(layout.heartbeatWebhookFile(), "https://hc-ping.example/1234\n");
        assertThat(MonitoringSettings.builder().layout(layout).build().heartbeatWebhook().value())
                .contains("https://hc-ping.example/1234");
        MonitoringSettings fromEnv = MonitoringSettings.builder().layout(layout)
                .environment(Map.of("HEARTBEAT_WEBHOOK_URL", "https://nosnch.example/abc")).build();
        assertThat(fromEnv.heartbeatWebhook().value()).contains("https://nosnch.example/abc");
        assertThat(fromEnv.monitoringWebhook().value()).as("no monitoring webhook unless given").isEmpty();
        MonitoringSettings monitoring = MonitoringSettings.builder().layout(layout)
                .environment(Map.of("MONITORING_WEBHOOK_URL", "https://ops.example/am")).build();
        assertThat(monitoring.monitoringWebhook().value()).contains("https://ops.example/am");

        Files.writeString(layout.heartbeatWebhookFile(), "hc-ping.example/1234");
        assertThatThrownBy(() -> MonitoringSettings.builder().layout(layout).build())
                .isInstanceOf(SettingsException.class).hasMessageContaining("heartbeat_webhook_url")
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void runbookBaseIsALinkOrARelativePath() {
        assertThat(MonitoringSettings.defaults().with(Setting.RUNBOOKS_BASE_URL,
                "https://github.com/o/monitoring-lab/blob/main/docs/runbooks").raw(Setting.RUNBOOKS_BASE_URL))
                .startsWith("https://");
        assertThat(MonitoringSettings.defaults().with(Setting.RUNBOOKS_BASE_URL, "../docs/runbooks/")
                .raw(Setting.RUNBOOKS_BASE_URL)).isEqualTo("../docs/runbooks/");
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.RUNBOOKS_BASE_URL, "ftp://x/runbooks"))
                .hasMessageContaining("runbooks.base-url");
    }

    @Test
    void aTargetDownForOfZeroIsRefused() {
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.TARGET_DOWN_FOR, "0s"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("target-down.for")
                .hasMessageContaining("longer than 0s");
    }
}
