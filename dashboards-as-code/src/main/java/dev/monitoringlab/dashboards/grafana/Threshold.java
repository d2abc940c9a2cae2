package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a panel's thresholds. The base step has no value: Grafana writes it as {@code "value": null}
 * (meaning minus infinity), and its schema requires the key, so null is always serialised here.
 */
public record Threshold(@JsonInclude(JsonInclude.Include.ALWAYS) Double value, String color) {
}
