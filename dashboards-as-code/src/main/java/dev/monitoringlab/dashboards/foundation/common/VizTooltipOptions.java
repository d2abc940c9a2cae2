// Mirrors com.grafana.foundation.common.VizTooltipOptions of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
