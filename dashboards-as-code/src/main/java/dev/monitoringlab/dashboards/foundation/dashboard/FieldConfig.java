// Mirrors com.grafana.foundation.dashboard.FieldConfig of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A panel's field defaults: unit, axis range, thresholds, colour and the panel-specific {@code custom} part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldConfig {
    @JsonProperty("unit")
    public String unit;
    @JsonProperty("decimals")
    public Double decimals;
    @JsonProperty("min")
    public Double min;
    @JsonProperty("max")
    public Double max;
    @JsonProperty("thresholds")
    public ThresholdsConfig thresholds;
    @JsonProperty("color")
    public FieldColor color;
    /** The panel plugin's own field options, e.g. {@code timeseries.FieldConfig}. */
    @JsonProperty("custom")
    public Object custom;
}
