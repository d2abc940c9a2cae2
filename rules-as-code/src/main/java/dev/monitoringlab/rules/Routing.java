package dev.monitoringlab.rules;

import dev.monitoringlab.rules.alertmanager.AlertmanagerConfig;
import dev.monitoringlab.rules.alertmanager.Receiver;
import dev.monitoringlab.rules.alertmanager.Route;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * alertmanager.yml. The model mock's alert goes to Discord without resolved messages (it flaps every few seconds,
 * lab 7.4.5); the host CPU alert goes to Discord with them (lab 7.5.2); the store model's to Slack (workshop).
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
                Receiver.discord(DISCORD, s.discordWebhook().value(), false),
                Receiver.discord(DISCORD_WITH_RESOLVED, s.discordWebhook().value(), true),
                Receiver.slack(SLACK, s.slackWebhook().value(), true)));
    }
}
