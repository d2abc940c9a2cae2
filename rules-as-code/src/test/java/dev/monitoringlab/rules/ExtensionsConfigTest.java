package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab's extensions in the generated files: cAdvisor's scrape job and Telegram next to Discord. */
class ExtensionsConfigTest {
    private static final String HOOK = "https://discord.example/api/webhooks/123/abc";
    private static final String TOKEN = "123456789:AAH8qx8nu-GR9thPnxxXXt7h1iPLTJJh6jY";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file, MonitoringSettings s) {
        String text = ConfigGenerator.render(s).stream().filter(f -> f.relativePath().equals(file)).findFirst()
                .orElseThrow().content();
        return (Map<String, Object>) Yaml.read(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void cadvisorIsScrapedOnlyWhenEnabled() {
        assertThat(ScrapeJobs.prometheusConfig(MonitoringSettings.defaults()).scrapeConfigs())
                .extracting(c -> c.jobName()).doesNotContain("cadvisor").contains("store_model");
    }

    @Test
    void cadvisorIsScrapedFromItsSetting() {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.CADVISOR_ENABLED, "true");
        assertThat(ScrapeJobs.prometheusConfig(s).scrapeConfigs()).filteredOn(c -> c.jobName().equals("cadvisor"))
                .singleElement().satisfies(c -> assertThat(c.staticConfigs().get(0).targets())
                        .containsExactly("localhost:8080"));
        MonitoringSettings moved = s.with(Setting.CADVISOR_TARGETS, "localhost:18080,vm:8080");
        assertThat(yaml(ConfigGenerator.PROMETHEUS_YML, moved).toString())
                .contains("{job_name=cadvisor, static_configs=[{targets=[localhost:18080, vm:8080]}]}");
    }

    @Test
    void withoutABotTheDiscordReceiversHaveNoTelegram() {
        Map<String, Object> am = yaml(ConfigGenerator.ALERTMANAGER_YML,
                MonitoringSettings.defaults().with(Setting.DISCORD_WEBHOOK_URL, HOOK));
        assertThat(am.toString()).doesNotContain("telegram");
    }

    @Test
    void withABotBothDiscordReceiversAlsoPostToTelegramWithTheSameResolvedChoice() {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.DISCORD_WEBHOOK_URL, HOOK)
                .with(Setting.TELEGRAM_BOT_TOKEN, TOKEN).with(Setting.TELEGRAM_CHAT_ID, "-1001234");
        List<Map<String, Object>> receivers = list(yaml(ConfigGenerator.ALERTMANAGER_YML, s).get("receivers"));
        for (Map<String, Object> r : receivers) {
            if (!r.containsKey("discord_configs")) {
                assertThat(r).as("only the Discord receivers post to Telegram").doesNotContainKey("telegram_configs");
                continue;
            }
            Map<String, Object> discord = list(r.get("discord_configs")).get(0);
            Map<String, Object> telegram = list(r.get("telegram_configs")).get(0);
            assertThat(telegram).containsEntry("api_url", "https://api.telegram.org").containsEntry("bot_token", TOKEN)
                    .containsEntry("parse_mode", "HTML")
                    .containsEntry("send_resolved", discord.get("send_resolved"));
            assertThat(telegram.get("chat_id")).as("an integer, as Alertmanager requires").isEqualTo(-1001234);
            assertThat(telegram.get("message").toString()).startsWith("{{ template \"__subject\" . }}");
        }
    }
}
