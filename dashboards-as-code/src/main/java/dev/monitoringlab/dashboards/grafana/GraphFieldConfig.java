package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The timeseries panel's {@code fieldConfig.defaults.custom}: how lines and thresholds are drawn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraphFieldConfig(
        GraphDrawStyle drawStyle,
        Double lineWidth,
        Double fillOpacity,
        VisibilityMode showPoints,
        Boolean spanNulls,
        GraphThresholdsStyleConfig thresholdsStyle) {
}
