package dev.monitoringlab.dashboards.grafana;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a timeseries panel, in the Foundation SDK's shape:
 * {@code new TimeseriesPanelBuilder().title("CPU").unit("percent").min(0.0).max(100.0).withTarget(query)}.
 * Size is given as span (columns) and height; the dashboard places the panel unless {@link #gridPos} pins it.
 */
public final class TimeseriesPanelBuilder implements Builder<Panel> {
    private String title;
    private String description;
    private DataSourceRef datasource;
    private final List<Builder<Dataquery>> targets = new ArrayList<>();
    private String interval;
    private String unit;
    private Integer decimals;
    private Double min;
    private Double max;
    private ThresholdsConfig thresholds;
    private GraphThresholdsStyleConfig thresholdsStyle;
    private GraphDrawStyle drawStyle = GraphDrawStyle.LINE;
    private Double lineWidth = 1.0;
    private Double fillOpacity = 0.0;
    private VisibilityMode showPoints = VisibilityMode.AUTO;
    private String colorMode = "palette-classic";
    private VizLegendOptions legend = new VizLegendOptionsBuilder().build();
    private VizTooltipOptions tooltip = new VizTooltipOptions(TooltipDisplayMode.MULTI, SortOrder.NONE);
    private int span = 12;
    private int height = 8;
    private GridPos gridPos;

    public TimeseriesPanelBuilder title(String title) {
        this.title = title;
        return this;
    }

    public TimeseriesPanelBuilder description(String description) {
        this.description = description;
        return this;
    }

    public TimeseriesPanelBuilder datasource(DataSourceRef datasource) {
        this.datasource = datasource;
        return this;
    }

    public TimeseriesPanelBuilder withTarget(Builder<Dataquery> target) {
        targets.add(target);
        return this;
    }

    /** Lower limit of the step of every target ("5s"). */
    public TimeseriesPanelBuilder interval(String interval) {
        this.interval = interval;
        return this;
    }

    /** A Grafana unit id: "percent" (0-100), "percentunit" (0-1), "bytes", "Bps", "s", "ops", "short"... */
    public TimeseriesPanelBuilder unit(String unit) {
        this.unit = unit;
        return this;
    }

    public TimeseriesPanelBuilder decimals(int decimals) {
        this.decimals = decimals;
        return this;
    }

    public TimeseriesPanelBuilder min(double min) {
        this.min = min;
        return this;
    }

    public TimeseriesPanelBuilder max(double max) {
        this.max = max;
        return this;
    }

    public TimeseriesPanelBuilder thresholds(Builder<ThresholdsConfig> thresholds) {
        this.thresholds = thresholds.build();
        return this;
    }

    public TimeseriesPanelBuilder thresholdsStyle(Builder<GraphThresholdsStyleConfig> style) {
        this.thresholdsStyle = style.build();
        return this;
    }

    public TimeseriesPanelBuilder drawStyle(GraphDrawStyle drawStyle) {
        this.drawStyle = drawStyle;
        return this;
    }

    public TimeseriesPanelBuilder lineWidth(double lineWidth) {
        this.lineWidth = lineWidth;
        return this;
    }

    public TimeseriesPanelBuilder fillOpacity(double fillOpacity) {
        this.fillOpacity = fillOpacity;
        return this;
    }

    public TimeseriesPanelBuilder showPoints(VisibilityMode showPoints) {
        this.showPoints = showPoints;
        return this;
    }

    public TimeseriesPanelBuilder legend(Builder<VizLegendOptions> legend) {
        this.legend = legend.build();
        return this;
    }

    public TimeseriesPanelBuilder tooltip(TooltipDisplayMode mode, SortOrder sort) {
        this.tooltip = new VizTooltipOptions(mode, sort);
        return this;
    }

    /** Width in grid columns (1-24). */
    public TimeseriesPanelBuilder span(int span) {
        this.span = span;
        return this;
    }

    /** Height in grid rows. */
    public TimeseriesPanelBuilder height(int height) {
        this.height = height;
        return this;
    }

    /** Pins the panel; otherwise the dashboard lays panels out left to right, wrapping at 24 columns. */
    public TimeseriesPanelBuilder gridPos(GridPos gridPos) {
        this.gridPos = gridPos;
        return this;
    }

    int span() {
        return span;
    }

    int height() {
        return height;
    }

    GridPos pinnedGridPos() {
        return gridPos;
    }

    /** The panel on its own (id 0, at its pinned place or the top-left corner). */
    @Override
    public Panel build() {
        return build(0, gridPos != null ? gridPos : new GridPos(height, span, 0, 0));
    }

    Panel build(int id, GridPos position) {
        if (title == null || title.isBlank()) {
            throw new IllegalStateException("a panel needs a title");
        }
        List<Dataquery> built = new ArrayList<>();
        for (Builder<Dataquery> t : targets) {
            Dataquery q = t.build().withDefaultDatasource(datasource);
            // Grafana needs a refId per target, unique in the panel: A, B, C... like its editor assigns.
            built.add(q.refId() != null ? q : q.withRefId(String.valueOf((char) ('A' + built.size()))));
        }
        GraphFieldConfig custom = new GraphFieldConfig(drawStyle, lineWidth, fillOpacity, showPoints, false,
                thresholdsStyle);
        FieldConfig defaults = new FieldConfig(unit, decimals, min, max, thresholds,
                new FieldConfig.FieldColor(colorMode), custom);
        return new Panel("timeseries", id, title, description, datasource, position, interval, built,
                new Panel.FieldConfigSource(defaults, List.of()), new TimeseriesOptions(legend, tooltip));
    }
}
