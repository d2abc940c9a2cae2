package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code discord_configs} entry; Alertmanager 0.25 only takes the URL inline (no webhook_url_file). A null
 * {@code message} leaves Alertmanager's default one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscordConfig(String webhookUrl, boolean sendResolved, String message) {

    public DiscordConfig(String webhookUrl, boolean sendResolved) {
        this(webhookUrl, sendResolved, null);
    }
}
