package dev.monitoringlab.dashboards.grafana;

import java.util.List;

/** A panel's legend: how and where series are listed, and which values (calcs) are shown next to them. */
public record VizLegendOptions(LegendDisplayMode displayMode, LegendPlacement placement, boolean showLegend,
                               List<String> calcs) {

    public VizLegendOptions {
        calcs = List.copyOf(calcs);
    }
}
