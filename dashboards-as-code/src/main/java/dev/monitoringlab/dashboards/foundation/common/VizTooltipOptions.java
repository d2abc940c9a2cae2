package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A panel's hover tooltip: one series or all, and their order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VizTooltipOptions {
    @JsonProperty("mode")
    public TooltipDisplayMode mode;
    @JsonProperty("sort")
    public SortOrder sort;
}
