// Mirrors com.grafana.foundation.timeseries.TimeseriesPanelBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.timeseries;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery;
import dev.monitoringlab.dashboards.foundation.common.BoolOrFloat64;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import dev.monitoringlab.dashboards.foundation.common.GraphDrawStyle;
import dev.monitoringlab.dashboards.foundation.common.GraphThresholdsStyleConfig;
import dev.monitoringlab.dashboards.foundation.common.VisibilityMode;
import dev.monitoringlab.dashboards.foundation.common.VizLegendOptions;
import dev.monitoringlab.dashboards.foundation.common.VizLegendOptionsBuilder;
import dev.monitoringlab.dashboards.foundation.common.VizTooltipOptions;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldColor;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldConfigSource;
import dev.monitoringlab.dashboards.foundation.dashboard.GridPos;
import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfig;
import java.util.LinkedList;

/**
 * A timeseries panel: {@code new TimeseriesPanelBuilder().title("CPU").unit(Constants.Percent).min(0.0).max(100.0)
 * .withTarget(query)}. Size is given as span (columns) and height; the dashboard places the panel.
 */
public class TimeseriesPanelBuilder implements Builder<Panel> {
    protected final Panel internal = new Panel();

    public TimeseriesPanelBuilder() {
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

    public TimeseriesPanelBuilder id(Integer id) {
        this.internal.id = id;
        return this;
    }

    public TimeseriesPanelBuilder withTarget(Builder<Dataquery> target) {
        if (this.internal.targets == null) {
            this.internal.targets = new LinkedList<>();
        }
        this.internal.targets.add(target.build());
        return this;
    }

    public TimeseriesPanelBuilder title(String title) {
        this.internal.title = title;
        return this;
    }

    public TimeseriesPanelBuilder description(String description) {
        this.internal.description = description;
        return this;
    }

    public TimeseriesPanelBuilder datasource(DataSourceRef datasource) {
        this.internal.datasource = datasource;
        return this;
    }

    /** Pins the panel; a gridPos at x=0, y=0 is still placed by the dashboard. */
    public TimeseriesPanelBuilder gridPos(GridPos gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }

    /** Height in grid rows. */
    public TimeseriesPanelBuilder height(Integer h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("h must be > 0");
        }
        gridPosOrNew().h = h;
        return this;
    }

    /** Width in grid columns (1-24). */
    public TimeseriesPanelBuilder span(Integer w) {
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
    public TimeseriesPanelBuilder interval(String interval) {
        this.internal.interval = interval;
        return this;
    }

    /** A Grafana unit id, see {@code units.Constants}. */
    public TimeseriesPanelBuilder unit(String unit) {
        this.internal.fieldConfig.defaults.unit = unit;
        return this;
    }

    public TimeseriesPanelBuilder decimals(Double decimals) {
        this.internal.fieldConfig.defaults.decimals = decimals;
        return this;
    }

    public TimeseriesPanelBuilder min(Double min) {
        this.internal.fieldConfig.defaults.min = min;
        return this;
    }

    public TimeseriesPanelBuilder max(Double max) {
        this.internal.fieldConfig.defaults.max = max;
        return this;
    }

    public TimeseriesPanelBuilder thresholds(Builder<ThresholdsConfig> thresholds) {
        this.internal.fieldConfig.defaults.thresholds = thresholds.build();
        return this;
    }

    public TimeseriesPanelBuilder colorScheme(Builder<FieldColor> color) {
        this.internal.fieldConfig.defaults.color = color.build();
        return this;
    }

    public TimeseriesPanelBuilder legend(Builder<VizLegendOptions> legend) {
        options().legend = legend.build();
        return this;
    }

    public TimeseriesPanelBuilder tooltip(Builder<VizTooltipOptions> tooltip) {
        options().tooltip = tooltip.build();
        return this;
    }

    public TimeseriesPanelBuilder drawStyle(GraphDrawStyle drawStyle) {
        custom().drawStyle = drawStyle;
        return this;
    }

    public TimeseriesPanelBuilder thresholdsStyle(Builder<GraphThresholdsStyleConfig> thresholdsStyle) {
        custom().thresholdsStyle = thresholdsStyle.build();
        return this;
    }

    public TimeseriesPanelBuilder lineWidth(Double lineWidth) {
        custom().lineWidth = lineWidth;
        return this;
    }

    public TimeseriesPanelBuilder fillOpacity(Double fillOpacity) {
        custom().fillOpacity = fillOpacity;
        return this;
    }

    public TimeseriesPanelBuilder showPoints(VisibilityMode showPoints) {
        custom().showPoints = showPoints;
        return this;
    }

    public TimeseriesPanelBuilder spanNulls(BoolOrFloat64 spanNulls) {
        custom().spanNulls = spanNulls;
        return this;
    }

    @Override
    public Panel build() {
        return this.internal;
    }
}
