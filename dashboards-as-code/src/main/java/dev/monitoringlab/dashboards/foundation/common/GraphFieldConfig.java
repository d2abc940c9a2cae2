// Mirrors com.grafana.foundation.common.GraphFieldConfig of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a graph draws its series and thresholds (only the options used here); the timeseries panel's custom part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GraphFieldConfig {
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
