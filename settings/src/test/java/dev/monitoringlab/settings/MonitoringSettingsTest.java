package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringSettingsTest {
    @TempDir
    Path root;

    @Test
    void defaultsMatchTheLab() {
        MonitoringSettings s = MonitoringSettings.defaults();
        assertThat(s.scrapeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.evaluationInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.modelMockThreshold()).isEqualTo(0.75);
        assertThat(s.modelMockTarget()).isEqualTo("localhost:9000");
        assertThat(s.alertmanagerTarget()).isEqualTo("localhost:9093");
        assertThat(s.promDuration(Setting.GROUP_WAIT)).isEqualTo("0s");
        assertThat(s.promDuration(Setting.GROUP_INTERVAL)).isEqualTo("1s");
        assertThat(s.promDuration(Setting.REPEAT_INTERVAL)).isEqualTo("1h");
        assertThat(s.promDuration(Setting.HOST_CPU_FOR)).isEqualTo("3m");
        assertThat(s.hostCpuThresholdPercent()).isEqualTo(90);
        assertThat(s.storeSuccessThreshold()).isEqualTo(0.20);
    }

    @Test
    void rejectsAThresholdOutsideZeroToOneWithOneLine() {
        assertThatThrownBy(() -> MonitoringSettings.builder().set(Setting.MODEL_MOCK_THRESHOLD, "1.5").build())
                .isInstanceOf(SettingsException.class)
                .hasMessage("invalid setting model-mock.threshold=1.5 (from override): 1.5 is outside [0, 1]");
    }

    @Test
    void rejectsZeroAndNegativeDurations() {
        assertThatThrownBy(() -> MonitoringSettings.builder().set(Setting.SCRAPE_INTERVAL, "0s").build())
                .hasMessageContaining("prometheus.scrape-interval").hasMessageContaining("longer than 0s");
        assertThatThrownBy(() -> MonitoringSettings.builder().set(Setting.HOST_CPU_FOR, "-3m").build())
                .hasMessageContaining("not a duration");
    }

    @Test
    void victoriaMetricsRetentionIsAtLeastOneDay() {
        assertThat(MonitoringSettings.builder().set(Setting.VICTORIA_METRICS_RETENTION, "2w").build()
                .duration(Setting.VICTORIA_METRICS_RETENTION)).hasDays(14);
        assertThatThrownBy(() -> MonitoringSettings.builder().set(Setting.VICTORIA_METRICS_RETENTION, "12h").build())
                .hasMessage("invalid setting victoria-metrics.retention=12h (from override): must be at least 1d"
                        + " (VictoriaMetrics' shortest retention)");
    }

    @Test
    void selectorsAreLabelMatchers() {
        assertThat(MonitoringSettings.defaults().selector(Setting.NODE_SELECTOR)).isEqualTo("job=\"node\"");
        MonitoringSettings two = MonitoringSettings.builder()
                .set(Setting.NODE_SELECTOR, "job=\"node\", instance=~\"vm.*\"").build();
        assertThat(two.selector(Setting.NODE_SELECTOR)).isEqualTo("job=\"node\", instance=~\"vm.*\"");
        assertThatThrownBy(() -> MonitoringSettings.builder().set(Setting.NODE_SELECTOR, "node}").build())
                .hasMessageContaining("selectors.node").hasMessageContaining("label matchers");
    }

    @Test
    void rejectsUnknownKeysSoTyposDoNotPassSilently() {
        assertThatThrownBy(() -> MonitoringSettings.builder().set("model-mock.treshold", "0.5", "test").build())
                .hasMessageContaining("unknown setting 'model-mock.treshold'");
    }

    @Test
    void settingsFileOverridesDefaults() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.stackDir());
        Files.writeString(layout.settingsFile(), "model-mock.threshold = 0.5\nprometheus.port=19090\n");
        MonitoringSettings s = MonitoringSettings.load(layout);
        assertThat(s.modelMockThreshold()).isEqualTo(0.5);
        assertThat(s.port(Setting.PROMETHEUS_PORT)).isEqualTo(19090);
    }

    @Test
    void webhookComesFromTheEnvironmentBeforeTheSecretFile() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.secretsDir());
        Files.writeString(layout.discordWebhookFile(), "https://discord.example/api/webhooks/1/file\n");
        MonitoringSettings fromFile = MonitoringSettings.builder().layout(layout).build();
        assertThat(fromFile.discordWebhook().value()).contains("https://discord.example/api/webhooks/1/file");

        MonitoringSettings fromEnv = MonitoringSettings.builder().layout(layout)
                .environment(Map.of("DISCORD_WEBHOOK_URL", "https://discord.example/api/webhooks/2/env")).build();
        assertThat(fromEnv.discordWebhook().value()).contains("https://discord.example/api/webhooks/2/env");
        assertThat(fromEnv.discordWebhook().source()).isEqualTo("environment variable DISCORD_WEBHOOK_URL");
    }

    @Test
    void missingWebhookSaysWhereToPutIt() {
        MonitoringSettings s = MonitoringSettings.builder().layout(new ProjectLayout(root)).build();
        assertThat(s.discordWebhook().value()).isEmpty();
        assertThat(s.discordWebhook().source()).contains("stack/secrets/discord_webhook_url");
    }

    @Test
    void unreadableOrMalformedSecretFileIsOneClearError() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.secretsDir());
        Files.writeString(layout.slackWebhookFile(), "not a url", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MonitoringSettings.builder().layout(layout).build())
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("slack_webhook_url").hasMessageContaining("not an http(s) URL");

        Files.delete(layout.slackWebhookFile());
        Files.createDirectories(layout.discordWebhookFile());
        assertThatThrownBy(() -> MonitoringSettings.builder().layout(layout).build())
                .hasMessageContaining("cannot read secret file").hasMessageContaining("discord_webhook_url");
    }

    @Test
    void exampleFileListsEverySettingWithItsDefault() throws IOException {
        Path example = ProjectLayout.locate().stackDir().resolve("settings.example.properties");
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(example)) {
            p.load(r);
        }
        for (Setting s : Setting.values()) {
            assertThat(p.getProperty(s.key())).as(s.key()).isEqualTo(s.defaultValue());
        }
        assertThat(p.stringPropertyNames()).hasSize(Setting.values().length);
    }
}
