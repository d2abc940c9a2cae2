package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named receiver. One with no integrations is valid: Alertmanager still shows and groups the alerts, it just
 * sends nothing, which is what we generate until a webhook URL is configured.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Receiver(String name, List<DiscordConfig> discordConfigs, List<SlackConfig> slackConfigs) {

    public static Receiver discord(String name, java.util.Optional<String> url, boolean sendResolved) {
        return new Receiver(name, url.map(u -> List.of(new DiscordConfig(u, sendResolved))).orElse(List.of()), List.of());
    }

    public static Receiver slack(String name, java.util.Optional<String> url, boolean sendResolved) {
        return new Receiver(name, List.of(), url.map(u -> List.of(new SlackConfig(u, null, sendResolved,
                "{{ template \"slack.default.title\" . }}", "{{ range .Alerts }}{{ .Annotations.description }}\n{{ end }}")))
                .orElse(List.of()));
    }

    public boolean sendsAnything() {
        return !discordConfigs.isEmpty() || !slackConfigs.isEmpty();
    }
}
