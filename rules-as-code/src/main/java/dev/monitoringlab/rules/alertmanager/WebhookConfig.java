package dev.monitoringlab.rules.alertmanager;

/**
 * {@code webhook_configs} entry: Alertmanager POSTs its JSON payload (version 4) to {@code url}, the form a dead
 * man's switch service (healthchecks.io, Dead Man's Snitch, ...) accepts as a ping.
 */
public record WebhookConfig(String url, boolean sendResolved) {
}
