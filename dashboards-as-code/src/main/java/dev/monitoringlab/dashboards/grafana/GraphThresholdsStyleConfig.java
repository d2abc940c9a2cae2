package dev.monitoringlab.dashboards.grafana;

/** A timeseries panel's {@code custom.thresholdsStyle}: {@code {"mode": "line"}}. */
public record GraphThresholdsStyleConfig(GraphThresholdsStyleMode mode) {
}
