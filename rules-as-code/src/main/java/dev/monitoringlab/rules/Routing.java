package dev.monitoringlab.rules;

import dev.monitoringlab.rules.alertmanager.AlertmanagerConfig;
import dev.monitoringlab.rules.alertmanager.InhibitRule;
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
 * The Watchdog goes to the heartbeat webhook on its own repeat interval; the other alerts about the monitoring
 * itself (component "monitoring") to a receiver of their own, a webhook if one is configured, so that a lab step that
 * has not started a target yet (the node exporter before 7.5, the store model outside the workshop) does not post
 * to the lab's channels.
 */
public final class Routing {
    public static final String DISCORD = "discord";
    public static final String DISCORD_WITH_RESOLVED = "discord-resolved";
    public static final String SLACK = "slack";
    public static final String HEARTBEAT = "heartbeat";
    public static final String MONITORING = "monitoring";

    /**
     * Alertmanager 0.25's default Discord message ({@code discord.default.message} with {@code __text_alert_list}
     * inlined) without the runbook_url line, so the lab's Discord messages read exactly as before runbook links.
     */
    public static final String DISCORD_MESSAGE = """

            {{ if gt (len .Alerts.Firing) 0 }}
            Alerts Firing:
            %1$s
            {{ end }}
            {{ if gt (len .Alerts.Resolved) 0 }}
            Alerts Resolved:
            %2$s
            {{ end }}
            """.formatted(alertList(".Alerts.Firing"), alertList(".Alerts.Resolved"));

    private Routing() {
    }

    private static String alertList(String alerts) {
        return "{{ range " + alerts + " }}Labels:\n{{ range .Labels.SortedPairs }} - {{ .Name }} = {{ .Value }}\n"
                + "{{ end }}Annotations:\n{{ range .Annotations.SortedPairs }}{{ if ne .Name \"" + Runbooks.ANNOTATION
                + "\" }} - {{ .Name }} = {{ .Value }}\n{{ end }}{{ end }}Source: {{ .GeneratorURL }}\n{{ end }}";
    }

    public static AlertmanagerConfig alertmanagerConfig(MonitoringSettings s) {
        Route root = new Route(DISCORD, s.list(Setting.GROUP_BY),
                s.promDuration(Setting.GROUP_WAIT), s.promDuration(Setting.GROUP_INTERVAL),
                s.promDuration(Setting.REPEAT_INTERVAL), null, List.of(
                        // first: the Watchdog also carries component "monitoring"
                        Route.child(HEARTBEAT, "alertname=\"" + MonitoringRules.WATCHDOG + "\"")
                                .repeatInterval(s.promDuration(Setting.HEARTBEAT_REPEAT_INTERVAL)),
                        Route.child(MONITORING, "component=\"" + MonitoringRules.COMPONENT + "\""),
                        Route.child(DISCORD_WITH_RESOLVED, "component=\"" + HostRules.COMPONENT + "\""),
                        Route.child(SLACK, "component=\"" + StoreModelRules.COMPONENT + "\"")));
        return new AlertmanagerConfig(root, inhibitRules(), List.of(
                Receiver.discord(DISCORD, s.discordWebhook().value(), false, DISCORD_MESSAGE)
                        .alsoTelegram(telegram(s, false)),
                Receiver.discord(DISCORD_WITH_RESOLVED, s.discordWebhook().value(), true, DISCORD_MESSAGE)
                        .alsoTelegram(telegram(s, true)),
                Receiver.slack(SLACK, s.slackWebhook().value(), true),
                // a heartbeat is only ever "firing": a resolved one would mean nothing to a dead man's switch
                Receiver.webhook(HEARTBEAT, s.heartbeatWebhook().value(), false),
                // resolved messages too: "the target is back" closes the incident
                Receiver.webhook(MONITORING, s.monitoringWebhook().value(), true)));
    }

    /**
     * While a target is down, the other alerts about the same job and instance say nothing new; a critical alert
     * makes the warning of the same alert on the same instance redundant (kube-prometheus's two rules).
     */
    static List<InhibitRule> inhibitRules() {
        return List.of(
                new InhibitRule(List.of("alertname=\"" + MonitoringRules.TARGET_DOWN + "\""),
                        List.of("alertname!=\"" + MonitoringRules.TARGET_DOWN + "\""), List.of("job", "instance")),
                new InhibitRule(List.of("severity=\"critical\""), List.of("severity=\"warning\""),
                        List.of("alertname", "instance")));
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
