package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramSettingsTest {
    private static final String TOKEN = "123456789:AAH8qx8nu-GR9thPnxxXXt7h1iPLTJJh6jY";

    @TempDir
    Path root;

    @Test
    void tokenAndChatIdComeFromSecretFilesOrTheEnvironment() throws IOException {
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.secretsDir());
        Files.writeString(layout.telegramBotTokenFile(), TOKEN + "\n");
        Files.writeString(layout.telegramChatIdFile(), "-1001234\n");
        MonitoringSettings fromFiles = MonitoringSettings.builder().layout(layout).build();
        assertThat(fromFiles.telegramBotToken().value()).contains(TOKEN);
        assertThat(fromFiles.telegramChatId().value()).contains("-1001234");

        MonitoringSettings fromEnv = MonitoringSettings.builder().layout(layout)
                .environment(Map.of("TELEGRAM_CHAT_ID", "42")).build();
        assertThat(fromEnv.telegramChatId().value()).contains("42");
        assertThat(fromEnv.telegramChatId().source()).isEqualTo("environment variable TELEGRAM_CHAT_ID");
    }

    @Test
    void missingTelegramSecretsAreSimplyAbsent() {
        MonitoringSettings s = MonitoringSettings.builder().layout(new ProjectLayout(root)).build();
        assertThat(s.telegramBotToken().value()).isEmpty();
        assertThat(s.telegramBotToken().source()).contains("stack/secrets/telegram_bot_token");
    }

    @Test
    void malformedValuesAreOneClearLine() throws IOException {
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.TELEGRAM_CHAT_ID, "general"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("telegram.chat-id=general")
                .hasMessageContaining("is not a Telegram chat id");
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.TELEGRAM_BOT_TOKEN, "secret"))
                .hasMessageContaining("is not a Telegram bot token");
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.secretsDir());
        Files.writeString(layout.telegramBotTokenFile(), "https://not-a-token");
        assertThatThrownBy(() -> MonitoringSettings.builder().layout(layout).build())
                .isInstanceOf(SettingsException.class).hasMessageContaining("telegram_bot_token")
                .hasMessageContaining("is not a Telegram bot token");
    }

    @Test
    void cadvisorTargetsAreHostPortLists() {
        assertThat(MonitoringSettings.defaults().cadvisorTargets()).containsExactly("localhost:8080");
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.CADVISOR_TARGETS, "cadvisor"))
                .hasMessageContaining("is not host:port");
    }
}
