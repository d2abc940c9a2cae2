package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    private static final String FILE_URL = "https://hooks.example/file";
    private static final String ENV_URL = "https://hooks.example/env";
    private static final String SETTING_URL = "https://hooks.example/setting";

    @TempDir
    Path root;

    @Test
    void theSettingBeatsTheEnvironmentWhichBeatsTheFile() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.secretsDir());
        Files.writeString(layout.secretFile(Setting.SLACK_WEBHOOK_URL), FILE_URL + "\n");
        Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", ENV_URL);

        assertThat(Secrets.resolve(Setting.SLACK_WEBHOOK_URL, "", Map.of(), layout).value()).contains(FILE_URL);
        assertThat(Secrets.resolve(Setting.SLACK_WEBHOOK_URL, "", env, layout).value()).contains(ENV_URL);
        MonitoringSettings.Secret direct = Secrets.resolve(Setting.SLACK_WEBHOOK_URL, SETTING_URL, env, layout);
        assertThat(direct.value()).contains(SETTING_URL);
        assertThat(direct.source()).isEqualTo("setting slack.webhook-url");
    }

    @Test
    void variableAndFileAreNamedAfterTheKey() {
        ProjectLayout layout = new ProjectLayout(root);
        assertThat(Secrets.environmentVariable(Setting.TELEGRAM_BOT_TOKEN)).isEqualTo("TELEGRAM_BOT_TOKEN");
        assertThat(Secrets.environmentVariable(Setting.DISCORD_WEBHOOK_URL)).isEqualTo("DISCORD_WEBHOOK_URL");
        assertThat(layout.secretFile(Setting.TELEGRAM_CHAT_ID)).isEqualTo(root.resolve("stack/secrets/telegram_chat_id"));
        assertThat(layout.discordWebhookFile()).isEqualTo(root.resolve("stack/secrets/discord_webhook_url"));
    }

    @Test
    void aValueFromTheEnvironmentIsCheckedByItsSettingsKind() {
        assertThatThrownBy(() -> Secrets.resolve(Setting.TELEGRAM_CHAT_ID, "", Map.of("TELEGRAM_CHAT_ID", "general"), null))
                .isInstanceOf(SettingsException.class)
                .hasMessage("environment variable TELEGRAM_CHAT_ID is not a Telegram chat id (an integer, negative for groups)");
    }

    @Test
    void everySecretIsReachableFromTheSettingsObject() {
        MonitoringSettings s = MonitoringSettings.defaults();
        for (Setting secret : Secrets.SETTINGS) {
            assertThat(s.secret(secret).value()).as(secret.key()).isEmpty();
        }
        assertThatThrownBy(() -> s.secret(Setting.GRAFANA_PORT)).hasMessageContaining("not a secret");
    }

    @Test
    void eachKindCarriesItsOwnCheck() {
        assertThatThrownBy(() -> Setting.Kind.PORT.check("0")).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> Setting.Kind.RATIO.check("1.5")).hasMessage("1.5 is outside [0, 1]");
        assertThatThrownBy(() -> Setting.Kind.PERCENT.check("101")).hasMessage("101 is outside [0, 100]");
        assertThatThrownBy(() -> Setting.Kind.POSITIVE_DURATION.check("0s")).hasMessage("must be longer than 0s");
        assertThatThrownBy(() -> Setting.Kind.HOST_PORT_LIST.check("a:1, b")).hasMessage("'b' is not host:port");
        assertThatThrownBy(() -> Setting.Kind.LABEL_LIST.check("ok, 9x")).hasMessage("'9x' is not a label name");
        assertThatThrownBy(() -> Setting.Kind.SELECTOR.check("job=node")).hasMessageContaining("label matchers");
        Setting.Kind.OPTIONAL_URL.check("");
        Setting.Kind.SELECTOR.check("job=\"node\", instance!~\"x.*\"");
        Setting.Kind.DURATION.check("0s");
        assertThatThrownBy(() -> Setting.Kind.OPTIONAL_URL.check("ftp://x")).hasMessage("is not an http(s) URL");
    }
}
