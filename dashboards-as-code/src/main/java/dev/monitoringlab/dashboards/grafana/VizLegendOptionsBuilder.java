package dev.monitoringlab.dashboards.grafana;

import java.util.List;

/** Builds {@link VizLegendOptions}; defaults are Grafana's: a list at the bottom, no calcs. */
public final class VizLegendOptionsBuilder implements Builder<VizLegendOptions> {
    private LegendDisplayMode displayMode = LegendDisplayMode.LIST;
    private LegendPlacement placement = LegendPlacement.BOTTOM;
    private boolean showLegend = true;
    private List<String> calcs = List.of();

    public VizLegendOptionsBuilder displayMode(LegendDisplayMode displayMode) {
        this.displayMode = displayMode;
        return this;
    }

    public VizLegendOptionsBuilder placement(LegendPlacement placement) {
        this.placement = placement;
        return this;
    }

    public VizLegendOptionsBuilder showLegend(boolean showLegend) {
        this.showLegend = showLegend;
        return this;
    }

    /** Reducers shown per series, e.g. "lastNotNull", "max", "mean". */
    public VizLegendOptionsBuilder calcs(List<String> calcs) {
        this.calcs = List.copyOf(calcs);
        return this;
    }

    @Override
    public VizLegendOptions build() {
        return new VizLegendOptions(displayMode, placement, showLegend, calcs);
    }
}
