package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A timeseries panel's {@code custom.thresholdsStyle}: {@code {"mode": "line"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GraphThresholdsStyleConfig {
    @JsonProperty("mode")
    public GraphThresholdsStyleMode mode;
}
