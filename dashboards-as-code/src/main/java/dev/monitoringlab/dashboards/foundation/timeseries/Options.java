package dev.monitoringlab.dashboards.foundation.timeseries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.monitoringlab.dashboards.foundation.common.VizLegendOptions;
import dev.monitoringlab.dashboards.foundation.common.VizTooltipOptions;

/** The timeseries panel's {@code options}: legend and tooltip (both required by its schema). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Options {
    @JsonProperty("legend")
    public VizLegendOptions legend;
    @JsonProperty("tooltip")
    public VizTooltipOptions tooltip;
}
