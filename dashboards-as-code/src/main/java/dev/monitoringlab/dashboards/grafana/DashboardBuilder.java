package dev.monitoringlab.dashboards.grafana;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Dashboard}: {@code new DashboardBuilder("Model mock").uid("model-mock").refresh("5s")
 * .time("now-15m", "now").withPanel(...).build()}. Panels without a pinned {@link GridPos} are laid out left
 * to right in the order added, wrapping to a new line when the next one would pass column 24.
 */
public final class DashboardBuilder implements Builder<Dashboard> {
    private String uid;
    private String title;
    private String description;
    private final List<String> tags = new ArrayList<>();
    private String timezone = "browser";
    private boolean editable = true;
    private int graphTooltip = 1;
    private Dashboard.Time time = new Dashboard.Time("now-6h", "now");
    private String refresh;
    private final List<VariableModel> variables = new ArrayList<>();
    private final List<DashboardPanel> panels = new ArrayList<>();
    private int nextId = 1;
    private int cursorX;
    private int cursorY;
    private int lineHeight;

    public DashboardBuilder(String title) {
        this.title = title;
    }

    public DashboardBuilder uid(String uid) {
        this.uid = uid;
        return this;
    }

    public DashboardBuilder title(String title) {
        this.title = title;
        return this;
    }

    public DashboardBuilder description(String description) {
        this.description = description;
        return this;
    }

    public DashboardBuilder tags(List<String> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
        return this;
    }

    /** "browser", "utc" or an IANA zone id. */
    public DashboardBuilder timezone(String timezone) {
        this.timezone = timezone;
        return this;
    }

    public DashboardBuilder editable(boolean editable) {
        this.editable = editable;
        return this;
    }

    /** 0 no shared cursor, 1 shared crosshair, 2 shared crosshair and tooltip. */
    public DashboardBuilder tooltip(int graphTooltip) {
        this.graphTooltip = graphTooltip;
        return this;
    }

    public DashboardBuilder time(String from, String to) {
        this.time = new Dashboard.Time(from, to);
        return this;
    }

    /** Auto-refresh interval ("5s"). */
    public DashboardBuilder refresh(String refresh) {
        this.refresh = refresh;
        return this;
    }

    public DashboardBuilder withVariable(Builder<VariableModel> variable) {
        variables.add(variable.build());
        return this;
    }

    public DashboardBuilder withRow(RowPanelBuilder row) {
        newLine();
        panels.add(row.build(nextId++, cursorY));
        cursorY += 1;
        return this;
    }

    public DashboardBuilder withPanel(TimeseriesPanelBuilder panel) {
        GridPos pinned = panel.pinnedGridPos();
        GridPos position;
        if (pinned != null) {
            position = pinned;
        } else {
            if (cursorX > 0 && cursorX + panel.span() > GridPos.COLUMNS) {
                newLine();
            }
            position = new GridPos(panel.height(), panel.span(), cursorX, cursorY);
            cursorX += panel.span();
            lineHeight = Math.max(lineHeight, panel.height());
        }
        panels.add(panel.build(nextId++, position));
        return this;
    }

    private void newLine() {
        if (cursorX > 0 || lineHeight > 0) {
            cursorY += lineHeight;
            cursorX = 0;
            lineHeight = 0;
        }
    }

    @Override
    public Dashboard build() {
        return new Dashboard(uid, title, description, tags, timezone, editable, graphTooltip, time, refresh,
                Dashboard.SCHEMA_VERSION, 1, new Dashboard.Templating(variables),
                new Dashboard.Annotations(List.of()), panels);
    }
}
