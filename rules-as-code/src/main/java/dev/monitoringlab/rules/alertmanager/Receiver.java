package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A named receiver. One with no integrations is valid: Alertmanager still shows and groups the alerts, it just
 * sends nothing, which is what we generate until a webhook URL is configured.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Receiver(String name, List<DiscordConfig> discordConfigs, List<SlackConfig> slackConfigs,
                       List<TelegramConfig> telegramConfigs, List<WebhookConfig> webhookConfigs) {

    public Receiver(String name, List<DiscordConfig> discordConfigs, List<SlackConfig> slackConfigs,
                    List<TelegramConfig> telegramConfigs) {
        this(name, discordConfigs, slackConfigs, telegramConfigs, List.of());
    }

    /** A receiver that sends nothing anywhere: the alerts routed to it are only seen in Alertmanager. */
    public static Receiver silent(String name) {
        return new Receiver(name, List.of(), List.of(), List.of());
    }

    /** Discord with Alertmanager's default message, or with {@code message} when it is not null. */
    public static Receiver discord(String name, Optional<String> url, boolean sendResolved, String message) {
        return new Receiver(name, url.map(u -> List.of(new DiscordConfig(u, sendResolved, message))).orElse(List.of()),
                List.of(), List.of());
    }

    public static Receiver discord(String name, Optional<String> url, boolean sendResolved) {
        return discord(name, url, sendResolved, null);
    }

    public static Receiver slack(String name, Optional<String> url, boolean sendResolved) {
        return new Receiver(name, List.of(), url.map(u -> List.of(new SlackConfig(u, null, sendResolved,
                "{{ template \"slack.default.title\" . }}", "{{ range .Alerts }}{{ .Annotations.description }}\n{{ end }}")))
                .orElse(List.of()), List.of());
    }

    /** A plain webhook (Alertmanager's JSON), e.g. a dead man's switch; no URL: a receiver that sends nothing. */
    public static Receiver webhook(String name, Optional<String> url, boolean sendResolved) {
        return new Receiver(name, List.of(), List.of(), List.of(),
                url.map(u -> List.of(new WebhookConfig(u, sendResolved))).orElse(List.of()));
    }

    /** The same receiver, also posting to Telegram: one route, one alert, both chats get the same notification. */
    public Receiver alsoTelegram(Optional<TelegramConfig> telegram) {
        return telegram.map(t -> new Receiver(name, discordConfigs, slackConfigs, List.of(t), webhookConfigs)).orElse(this);
    }

    public boolean sendsAnything() {
        return !discordConfigs.isEmpty() || !slackConfigs.isEmpty() || !telegramConfigs.isEmpty()
                || !webhookConfigs.isEmpty();
    }
}
