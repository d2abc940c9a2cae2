package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code slack_configs} entry for an incoming webhook. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackConfig(String apiUrl, String channel, boolean sendResolved, String title, String text) {
}
