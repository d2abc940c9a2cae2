package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A panel's field defaults: unit, axis range, thresholds, colour and the timeseries-specific {@code custom} part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldConfig(
        String unit,
        Integer decimals,
        Double min,
        Double max,
        ThresholdsConfig thresholds,
        FieldColor color,
        GraphFieldConfig custom) {

    /** How series get their colour: "palette-classic" gives each series its own. */
    public record FieldColor(String mode) {
    }
}
