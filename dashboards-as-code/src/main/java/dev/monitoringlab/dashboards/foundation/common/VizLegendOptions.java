// Mirrors com.grafana.foundation.common.VizLegendOptions of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A panel's legend: how and where series are listed, and which values (calcs) are shown next to them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VizLegendOptions {
    @JsonProperty("displayMode")
    public LegendDisplayMode displayMode;
    @JsonProperty("placement")
    public LegendPlacement placement;
    @JsonProperty("showLegend")
    public Boolean showLegend;
    @JsonProperty("calcs")
    public List<String> calcs;
}
