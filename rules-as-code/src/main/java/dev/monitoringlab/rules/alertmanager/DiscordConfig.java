package dev.monitoringlab.rules.alertmanager;

/** {@code discord_configs} entry; Alertmanager 0.25 only takes the URL inline (no webhook_url_file). */
public record DiscordConfig(String webhookUrl, boolean sendResolved) {
}
