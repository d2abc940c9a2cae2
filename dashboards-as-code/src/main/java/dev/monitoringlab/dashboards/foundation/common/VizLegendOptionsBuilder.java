// Mirrors com.grafana.foundation.common.VizLegendOptionsBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import java.util.List;

/** Starts from Grafana's defaults: a list at the bottom, shown, no calcs. */
public class VizLegendOptionsBuilder implements Builder<VizLegendOptions> {
    protected final VizLegendOptions internal = new VizLegendOptions();

    public VizLegendOptionsBuilder() {
        this.internal.displayMode = LegendDisplayMode.LIST;
        this.internal.placement = LegendPlacement.BOTTOM;
        this.internal.showLegend = true;
        this.internal.calcs = List.of();
    }

    public VizLegendOptionsBuilder displayMode(LegendDisplayMode displayMode) {
        this.internal.displayMode = displayMode;
        return this;
    }

    public VizLegendOptionsBuilder placement(LegendPlacement placement) {
        this.internal.placement = placement;
        return this;
    }

    public VizLegendOptionsBuilder showLegend(Boolean showLegend) {
        this.internal.showLegend = showLegend;
        return this;
    }

    /** Reducers shown per series, e.g. "lastNotNull", "max", "mean". */
    public VizLegendOptionsBuilder calcs(List<String> calcs) {
        this.internal.calcs = calcs;
        return this;
    }

    @Override
    public VizLegendOptions build() {
        return this.internal;
    }
}
