// Mirrors com.grafana.foundation.timeseries.Options of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
