package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.rules.ConfigChecks;
import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.GeneratedFile;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AlertmanagerConfig holds the file config's routes and receivers, and no secret. */
class AlertmanagerConfigTest {
    private static final String DISCORD = "https://discord.example/api/webhooks/42/real-secret";
    private static final String SLACK = "https://hooks.slack.example/services/T0/B0/real-secret";
    private static final String TOKEN = "123456789:AAreal-secret-token-abcdefghij";

    @TempDir
    Path dir;

    private static MonitoringSettings withEverySecret() {
        return MonitoringSettings.defaults().with(Setting.DISCORD_WEBHOOK_URL, DISCORD)
                .with(Setting.SLACK_WEBHOOK_URL, SLACK).with(Setting.TELEGRAM_BOT_TOKEN, TOKEN)
                .with(Setting.TELEGRAM_CHAT_ID, "-1001234567890");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> generatedSpec(MonitoringSettings s) {
        Map<String, Object> am = (Map<String, Object>) ManifestYaml.read(
                ManifestYaml.write(AlertmanagerConfigs.of(s).tree()));
        return Manifests.at(am, "spec");
    }

    /** alertmanager.yml as rules-as-code writes it from {@code s}, each secret value shown as the key it goes to. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fileConfig(MonitoringSettings s) {
        for (GeneratedFile f : ConfigGenerator.render(s)) {
            if (f.relativePath().equals(ConfigGenerator.ALERTMANAGER_YML)) {
                String yaml = f.content().replace(DISCORD, "secret:discord_webhook_url")
                        .replace(SLACK, "secret:slack_webhook_url").replace(TOKEN, "secret:telegram_bot_token");
                return (Map<String, Object>) ManifestYaml.read(yaml);
            }
        }
        throw new AssertionError("rules-as-code renders no alertmanager.yml");
    }

    @Test
    void theRoutesAndReceiversAreTheFileConfigs() {
        for (MonitoringSettings s : List.of(MonitoringSettings.defaults(), withEverySecret(),
                MonitoringSettings.defaults().with(Setting.DISCORD_WEBHOOK_URL, DISCORD),
                withEverySecret().with(Setting.GROUP_BY, "alertname,instance"))) {
            Map<String, Object> back = new FileConfigOf(null).of(generatedSpec(s));
            assertThat(back).isEqualTo(fileConfig(s));
        }
    }

    @Test
    void theFileConfigTakenBackPassesAmtool() throws Exception {
        MonitoringSettings s = withEverySecret();
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, ManifestYaml.write(new FileConfigOf(WebhookSecrets.of(s)).of(generatedSpec(s))));
        assertThat(file).content().contains("kubernetes-secret.invalid/discord_webhook_url");
        assertThat(ConfigChecks.run(ExternalTool.AMTOOL, "check-config", file.toString())).contains("SUCCESS");
    }

    @Test
    void webhookUrlsAndTokensAreSecretReferencesNeverValues() {
        MonitoringSettings s = withEverySecret().with(Setting.KUBERNETES_WEBHOOK_SECRET, "lab-hooks");
        String yaml = ManifestYaml.write(AlertmanagerConfigs.of(s).tree());
        assertThat(yaml).doesNotContain("real-secret", "kubernetes-secret.invalid", "kubernetes-secret-");
        // YAML 1.1 readers (PyYAML) take a bare = for the "value" type: every match type is a quoted string
        assertThat(yaml).contains("matchType: \"=\"").doesNotContainPattern("(?m): =~?$");
        Map<String, Object> spec = generatedSpec(s);
        assertThat(Manifests.<Map<String, Object>>at(spec, "receivers", 0, "discordConfigs", 0, "apiURL"))
                .isEqualTo(Map.of("name", "lab-hooks", "key", "discord_webhook_url"));
        assertThat(Manifests.<Map<String, Object>>at(spec, "receivers", 2, "slackConfigs", 0, "apiURL"))
                .isEqualTo(Map.of("name", "lab-hooks", "key", "slack_webhook_url"));
        assertThat(Manifests.<Map<String, Object>>at(spec, "receivers", 0, "telegramConfigs", 0, "botToken"))
                .isEqualTo(Map.of("name", "lab-hooks", "key", "telegram_bot_token"));
        // the keys are the file names under stack/secrets/, so kubectl create secret --from-file fills them
        assertThat(AlertmanagerConfigs.secretKeys(spec))
                .contains("discord_webhook_url", "telegram_bot_token", "slack_webhook_url").doesNotHaveDuplicates()
                .allMatch(k -> k.matches("[-._a-zA-Z0-9]+"));
    }

    /** As in alertmanager.yml, a receiver sends where a URL is configured, and the URL itself never shows. */
    @Test
    void integrationsFollowWhatIsConfiguredHereNotTheValues() {
        assertThat(AlertmanagerConfigs.secretKeys(generatedSpec(MonitoringSettings.defaults()))).isEmpty();
        assertThat(AlertmanagerConfigs.secretKeys(generatedSpec(
                MonitoringSettings.defaults().with(Setting.SLACK_WEBHOOK_URL, SLACK)))).containsExactly("slack_webhook_url");
        assertThat(generatedSpec(withEverySecret())).isEqualTo(generatedSpec(withEverySecret()
                .with(Setting.DISCORD_WEBHOOK_URL, "https://discord.example/api/webhooks/7/other")
                .with(Setting.SLACK_WEBHOOK_URL, "https://hooks.slack.example/services/T1/B1/other")));
    }

    /** What a later routing change brings (inhibit rules, a webhook receiver, regex and negative matchers) flows through. */
    @Test
    @SuppressWarnings("unchecked")
    void routesReceiversAndInhibitRulesAddedLaterFlowThrough() {
        WebhookSecrets secrets = WebhookSecrets.of(MonitoringSettings.defaults());
        Map<String, Object> file = (Map<String, Object>) ManifestYaml.read("""
                route:
                  receiver: discord
                  routes:
                    - receiver: watchdog
                      matchers: ['alertname="Watchdog"']
                      group_interval: 1m
                      repeat_interval: 1m
                      continue: false
                    - receiver: discord
                      matchers: ['severity=~"warning|critical"', 'component!="lab"']
                receivers:
                  - name: discord
                  - name: watchdog
                    webhook_configs:
                      - url: https://hc-ping.example/uuid
                        send_resolved: false
                        max_alerts: 1
                inhibit_rules:
                  - source_matchers: ['alertname="TargetDown"']
                    target_matchers: ['severity!~"info|none"']
                    equal: [job, instance]
                """);
        Map<String, Object> spec = new AlertmanagerTranslation(secrets).spec(file);
        assertThat(Manifests.<Object>at(spec, "receivers", 1, "webhookConfigs", 0, "urlSecret"))
                .isEqualTo(Map.of("name", "alertmanager-webhooks", "key", "watchdog_url"));
        assertThat(Manifests.<Object>at(spec, "inhibitRules", 0, "targetMatch", 0))
                .isEqualTo(Map.of("name", "severity", "value", "info|none", "matchType", "!~"));
        // a URL read from a file on the Alertmanager host becomes the Secret key named like that file
        Map<String, Object> fromFile = new AlertmanagerTranslation(secrets).spec(Map.of("receivers", List.of(Map.of(
                "name", "watchdog", "webhook_configs", List.of(Map.of("url_file", "/etc/alertmanager/secrets/watchdog_url"))))));
        assertThat(Manifests.<Object>at(fromFile, "receivers", 0, "webhookConfigs", 0))
                .isEqualTo(Map.of("urlSecret", Map.of("name", "alertmanager-webhooks", "key", "watchdog_url")));
        Map<String, Object> back = new FileConfigOf(secrets).of(spec);
        Manifests.<Map<String, Object>>at(file, "receivers", 1, "webhook_configs", 0).put("url", "secret:watchdog_url");
        assertThat(back).isEqualTo(file);
        OperatorSchemas schemas = OperatorSchemas.locate()
                .orElseThrow(() -> new AssertionError(OperatorSchemas.notFoundMessage()));
        assertThat(schemas.errors(Map.of("apiVersion", Resource.API_MONITORING_ALPHA, "kind", "AlertmanagerConfig",
                "metadata", Map.of("name", "x"), "spec", spec))).isEmpty();
    }

    @Test
    void whatTheCrdCannotHoldStopsWithOneLineNamingIt() {
        AlertmanagerTranslation t = new AlertmanagerTranslation(WebhookSecrets.of(MonitoringSettings.defaults()));
        assertThatThrownBy(() -> t.spec(Map.of("templates", List.of("/etc/x.tmpl"))))
                .isInstanceOf(KubernetesException.class).hasMessageStartingWith("alertmanager.yml field 'templates'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> t.spec(Map.of("receivers", List.of(Map.of("name", "x", "webhook_configs",
                List.of(Map.of("url", "https://x.example", "http_config", Map.of("proxy_url", "http://p"))))))))
                .hasMessageContaining("receiver 'x' webhook_configs field 'http_config'");
        assertThatThrownBy(() -> t.spec(Map.of("route", Map.of("receiver", "x", "matchers", List.of("not a matcher")))))
                .hasMessageContaining("cannot read the matcher 'not a matcher'");
    }
}
