package dev.monitoringlab.dashboards.foundation.timeseries;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery;
import dev.monitoringlab.dashboards.foundation.common.BoolOrFloat64;
import dev.monitoringlab.dashboards.foundation.common.GraphDrawStyle;
import dev.monitoringlab.dashboards.foundation.common.GraphThresholdsStyleConfig;
import dev.monitoringlab.dashboards.foundation.common.VisibilityMode;
import dev.monitoringlab.dashboards.foundation.common.VizLegendOptions;
import dev.monitoringlab.dashboards.foundation.common.VizLegendOptionsBuilder;
import dev.monitoringlab.dashboards.foundation.common.VizTooltipOptions;
import dev.monitoringlab.dashboards.foundation.dashboard.DataSourceRef;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldColor;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldConfigSource;
import dev.monitoringlab.dashboards.foundation.dashboard.GridPos;
import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfig;
import java.util.LinkedList;

/**
 * A timeseries panel: {@code new PanelBuilder().title("CPU").unit(Constants.Percent).min(0.0).max(100.0)
 * .withTarget(query)}. Size is given as span (columns) and height; the dashboard places the panel.
 */
public class PanelBuilder implements Builder<Panel> {
    protected final Panel internal = new Panel();

    public PanelBuilder() {
        this.internal.type = "timeseries";
        this.internal.fieldConfig = new FieldConfigSource();
        this.internal.fieldConfig.defaults = new dev.monitoringlab.dashboards.foundation.dashboard.FieldConfig();
        this.internal.fieldConfig.defaults.custom = new FieldConfig();
        this.internal.options = new Options();
        this.height(9);
        this.span(12);
        this.legend(new VizLegendOptionsBuilder());
    }

    private FieldConfig custom() {
        return (FieldConfig) this.internal.fieldConfig.defaults.custom;
    }

    private Options options() {
        return (Options) this.internal.options;
    }

    private GridPos gridPosOrNew() {
        if (this.internal.gridPos == null) {
            this.internal.gridPos = new GridPos();
        }
        return this.internal.gridPos;
    }

    public PanelBuilder id(Integer id) {
        this.internal.id = id;
        return this;
    }

    public PanelBuilder withTarget(Builder<Dataquery> target) {
        if (this.internal.targets == null) {
            this.internal.targets = new LinkedList<>();
        }
        this.internal.targets.add(target.build());
        return this;
    }

    public PanelBuilder title(String title) {
        this.internal.title = title;
        return this;
    }

    public PanelBuilder description(String description) {
        this.internal.description = description;
        return this;
    }

    public PanelBuilder datasource(DataSourceRef datasource) {
        this.internal.datasource = datasource;
        return this;
    }

    /** Pins the panel; a gridPos at x=0, y=0 is still placed by the dashboard. */
    public PanelBuilder gridPos(GridPos gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }

    /** Height in grid rows. */
    public PanelBuilder height(Integer h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("h must be > 0");
        }
        gridPosOrNew().h = h;
        return this;
    }

    /** Width in grid columns (1-24). */
    public PanelBuilder span(Integer w) {
        if (!(w > 0)) {
            throw new IllegalArgumentException("w must be > 0");
        }
        if (!(w <= 24)) {
            throw new IllegalArgumentException("w must be <= 24");
        }
        gridPosOrNew().w = w;
        return this;
    }

    /** Lower limit of the step of every target ("5s"). */
    public PanelBuilder interval(String interval) {
        this.internal.interval = interval;
        return this;
    }

    /** A Grafana unit id, see {@code units.Constants}. */
    public PanelBuilder unit(String unit) {
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }

    public PanelBuilder decimals(Double decimals) {
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }

    public PanelBuilder min(Double min) {
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }

    public PanelBuilder max(Double max) {
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }

    public PanelBuilder thresholds(Builder<ThresholdsConfig> thresholds) {
        this.internal.fieldConfig.defaults.thresholds = thresholds.build();
        return this;
    }

    public PanelBuilder colorScheme(Builder<FieldColor> color) {
        this.internal.fieldConfig.defaults.color = color.build();
        return this;
    }

    public PanelBuilder legend(Builder<VizLegendOptions> legend) {
        options().legend = legend.build();
        return this;
    }

    public PanelBuilder tooltip(Builder<VizTooltipOptions> tooltip) {
        options().tooltip = tooltip.build();
        return this;
    }

    public PanelBuilder drawStyle(GraphDrawStyle drawStyle) {
        custom().drawStyle = drawStyle;
        return this;
    }

    public PanelBuilder thresholdsStyle(Builder<GraphThresholdsStyleConfig> thresholdsStyle) {
        custom().thresholdsStyle = thresholdsStyle.build();
        return this;
    }

    public PanelBuilder lineWidth(Double lineWidth) {
        custom().lineWidth = lineWidth;
        return this;
    }

    public PanelBuilder fillOpacity(Double fillOpacity) {
        custom().fillOpacity = fillOpacity;
        return this;
    }

    public PanelBuilder showPoints(VisibilityMode showPoints) {
        custom().showPoints = showPoints;
        return this;
    }

    public PanelBuilder spanNulls(BoolOrFloat64 spanNulls) {
        custom().spanNulls = spanNulls;
        return this;
    }

    @Override
    public Panel build() {
        return this.internal;
    }
}
