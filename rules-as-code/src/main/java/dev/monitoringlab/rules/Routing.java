package dev.monitoringlab.rules;

import dev.monitoringlab.rules.alertmanager.AlertmanagerConfig;
import dev.monitoringlab.rules.alertmanager.Receiver;
import dev.monitoringlab.rules.alertmanager.Route;
import dev.monitoringlab.rules.alertmanager.TelegramConfig;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.List;
import java.util.Optional;

/**
 * alertmanager.yml. The model mock's alert goes to Discord without resolved messages (it flaps every few seconds,
 * lab 7.4.5); the host CPU alert goes to Discord with them (lab 7.5.2); the store model's to Slack (workshop).
 * With a Telegram bot configured, both Discord receivers post to Telegram too (the lab's "another receiver").
 */
public final class Routing {
    public static final String DISCORD = "discord";
    public static final String DISCORD_WITH_RESOLVED = "discord-resolved";
    public static final String SLACK = "slack";

    private Routing() {
    }

    public static AlertmanagerConfig alertmanagerConfig(MonitoringSettings s) {
        Route root = new Route(DISCORD, s.list(Setting.GROUP_BY),
                s.promDuration(Setting.GROUP_WAIT), s.promDuration(Setting.GROUP_INTERVAL),
                s.promDuration(Setting.REPEAT_INTERVAL), null, List.of(
                        Route.child(DISCORD_WITH_RESOLVED, "component=\"" + HostRules.COMPONENT + "\""),
                        Route.child(SLACK, "component=\"" + StoreModelRules.COMPONENT + "\"")));
        return new AlertmanagerConfig(root, List.of(
                Receiver.discord(DISCORD, s.discordWebhook().value(), false).alsoTelegram(telegram(s, false)),
                Receiver.discord(DISCORD_WITH_RESOLVED, s.discordWebhook().value(), true).alsoTelegram(telegram(s, true)),
                Receiver.slack(SLACK, s.slackWebhook().value(), true)));
    }

    /**
     * The lab's second receiver, used at the same time as Discord: the Discord receivers also post to Telegram
     * once a bot token and a chat id are configured, with the same send_resolved choice.
     */
    static Optional<TelegramConfig> telegram(MonitoringSettings s, boolean sendResolved) {
        Optional<String> token = s.telegramBotToken().value();
        Optional<String> chat = s.telegramChatId().value();
        if (token.isEmpty() || chat.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TelegramConfig.of(s.raw(Setting.TELEGRAM_API_URL), token.get(), chat.get(), sendResolved));
    }
}
