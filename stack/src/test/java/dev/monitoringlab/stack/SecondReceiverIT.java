package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.FakeTelegram;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's extension "another receiver at the same time as Discord", live: the real Prometheus and Alertmanager,
 * the mock crossing 0.75, and the same alert arriving in Discord and in Telegram (through the Bot API's
 * sendMessage, answered like Telegram does) within one Alertmanager notification cycle of each other.
 */
class SecondReceiverIT {
    @TempDir
    Path work;

    @Test
    void discordAndTelegramGetTheSameAlert() {
        try (FakeDiscord discord = new FakeDiscord(); FakeTelegram telegram = new FakeTelegram()) {
            MonitoringSettings s = MonitoringSettings.defaults()
                    .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                    .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                    .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                    .with(Setting.DISCORD_WEBHOOK_URL, discord.url())
                    .with(Setting.TELEGRAM_API_URL, telegram.url())
                    .with(Setting.TELEGRAM_BOT_TOKEN, FakeTelegram.TOKEN)
                    .with(Setting.TELEGRAM_CHAT_ID, String.valueOf(FakeTelegram.CHAT_ID));
            try (NativeStack stack = NativeStack.builder(s).workDir(work).withModelMock("--values", "0.2,0.9").start()) {
                stack.prometheus().awaitQuery("up{job=\"model_mock\"}", r -> r.size() == 1 && r.get(0).value() == 1,
                        Duration.ofSeconds(20));
                Message d = discord.await(m -> FakeDiscord.title(m).startsWith("[FIRING:1] ModelMockHighAccuracy"),
                        Duration.ofSeconds(40));
                Message t = telegram.await(m -> FakeTelegram.title(m).startsWith("[FIRING:1] ModelMockHighAccuracy"),
                        Duration.ofSeconds(10));

                assertThat(FakeTelegram.title(t)).as("the same subject line in both chats").isEqualTo(FakeDiscord.title(d));
                assertThat(t.payload().path("text").asText()).contains("Model mock accuracy is very high at 0.9");
                assertThat(t.payload().path("parse_mode").asText()).isEqualTo("HTML");
                assertThat(Duration.between(d.receivedAt(), t.receivedAt()).abs()).isLessThan(Duration.ofSeconds(2));
                assertThat(telegram.rejections()).as("Telegram refused nothing").isEmpty();
                assertThat(discord.rejections()).isEmpty();
            }
        }
    }
}
