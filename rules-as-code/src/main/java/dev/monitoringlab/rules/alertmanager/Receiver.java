package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named receiver. One with no integrations is valid: Alertmanager still shows and groups the alerts, it just
 * sends nothing, which is what we generate until a webhook URL is configured.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Receiver(String name, List<DiscordConfig> discordConfigs, List<SlackConfig> slackConfigs,
                       List<TelegramConfig> telegramConfigs) {

    public static Receiver discord(String name, java.util.Optional<String> url, boolean sendResolved) {
        return new Receiver(name, url.map(u -> List.of(new DiscordConfig(u, sendResolved))).orElse(List.of()), List.of(),
                List.of());
    }

    public static Receiver slack(String name, java.util.Optional<String> url, boolean sendResolved) {
        return new Receiver(name, List.of(), url.map(u -> List.of(new SlackConfig(u, null, sendResolved,
                "{{ template \"slack.default.title\" . }}", "{{ range .Alerts }}{{ .Annotations.description }}\n{{ end }}")))
                .orElse(List.of()), List.of());
    }

    /** The same receiver, also posting to Telegram: one route, one alert, both chats get the same notification. */
    public Receiver alsoTelegram(java.util.Optional<TelegramConfig> telegram) {
        return telegram.map(t -> new Receiver(name, discordConfigs, slackConfigs, List.of(t))).orElse(this);
    }
}
