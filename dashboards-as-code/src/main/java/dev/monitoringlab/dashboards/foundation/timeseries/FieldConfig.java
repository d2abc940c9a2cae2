package dev.monitoringlab.dashboards.foundation.timeseries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.monitoringlab.dashboards.foundation.common.BoolOrFloat64;
import dev.monitoringlab.dashboards.foundation.common.GraphDrawStyle;
import dev.monitoringlab.dashboards.foundation.common.GraphThresholdsStyleConfig;
import dev.monitoringlab.dashboards.foundation.common.VisibilityMode;

/** The timeseries panel's {@code fieldConfig.defaults.custom}: how lines and thresholds are drawn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldConfig {
    @JsonProperty("drawStyle")
    public GraphDrawStyle drawStyle;
    @JsonProperty("lineWidth")
    public Double lineWidth;
    @JsonProperty("fillOpacity")
    public Double fillOpacity;
    @JsonProperty("showPoints")
    public VisibilityMode showPoints;
    @JsonProperty("spanNulls")
    public BoolOrFloat64 spanNulls;
    @JsonProperty("thresholdsStyle")
    public GraphThresholdsStyleConfig thresholdsStyle;
}
