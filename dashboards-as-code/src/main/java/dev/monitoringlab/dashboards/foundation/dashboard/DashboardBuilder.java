// Mirrors com.grafana.foundation.dashboard.DashboardBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import java.util.LinkedList;
import java.util.List;

/**
 * {@code new DashboardBuilder("Model mock").uid("model-mock").refresh("5s").withPanel(...).build()}. As in the
 * SDK, a panel whose gridPos is still at x=0, y=0 is placed at the cursor, left to right, and the cursor wraps to
 * a new line once it reaches column 24; a row starts a new line.
 */
public class DashboardBuilder implements Builder<Dashboard> {
    /** Grafana 12's dashboard JSON. */
    private static final short SCHEMA_VERSION = 41;
    private static final int COLUMNS = 24;

    protected final Dashboard internal = new Dashboard();
    private int currentX;
    private int currentY;
    private int lastPanelHeight;

    public DashboardBuilder(String title) {
        this.internal.title = title;
        this.internal.schemaVersion = SCHEMA_VERSION;
        this.internal.editable = true;
    }

    public DashboardBuilder uid(String uid) {
        this.internal.uid = uid;
        return this;
    }

    public DashboardBuilder title(String title) {
        this.internal.title = title;
        return this;
    }

    public DashboardBuilder description(String description) {
        this.internal.description = description;
        return this;
    }

    public DashboardBuilder tags(List<String> tags) {
        this.internal.tags = tags;
        return this;
    }

    /** "browser", "utc" or an IANA zone id. */
    public DashboardBuilder timezone(String timezone) {
        this.internal.timezone = timezone;
        return this;
    }

    public DashboardBuilder editable() {
        this.internal.editable = true;
        return this;
    }

    public DashboardBuilder tooltip(DashboardCursorSync graphTooltip) {
        this.internal.graphTooltip = graphTooltip;
        return this;
    }

    public DashboardBuilder time(Builder<DashboardDashboardTime> time) {
        this.internal.time = time.build();
        return this;
    }

    /** Auto-refresh interval ("5s"). */
    public DashboardBuilder refresh(String refresh) {
        this.internal.refresh = refresh;
        return this;
    }

    public DashboardBuilder version(Integer version) {
        this.internal.version = version;
        return this;
    }

    public DashboardBuilder withPanel(Builder<Panel> panel) {
        PanelOrRowPanel entry = PanelOrRowPanel.createPanel(panel.build());
        GridPos g = entry.panel.gridPos != null ? entry.panel.gridPos : new GridPos();
        entry.panel.gridPos = g;
        g.h = g.h != null ? g.h : 0;
        g.w = g.w != null ? g.w : 0;
        g.x = g.x != null ? g.x : 0;
        g.y = g.y != null ? g.y : 0;
        if (g.x == 0 && g.y == 0) {
            g.x = currentX;
            g.y = currentY;
        }
        panels().add(entry);
        currentX += g.w;
        lastPanelHeight = Math.max(lastPanelHeight, g.h);
        if (currentX >= COLUMNS) {
            currentX = 0;
            currentY += lastPanelHeight;
            lastPanelHeight = 0;
        }
        return this;
    }

    public DashboardBuilder withRow(Builder<RowPanel> rowPanel) {
        PanelOrRowPanel entry = PanelOrRowPanel.createRowPanel(rowPanel.build());
        GridPos g = entry.rowPanel.gridPos;
        if (g == null || (g.x == 0 && g.y == 0)) {
            entry.rowPanel.gridPos = new GridPos(1, COLUMNS, 0, currentY, null);
        }
        panels().add(entry);
        currentX = 0;
        currentY += entry.rowPanel.gridPos.h;
        lastPanelHeight = 0;
        return this;
    }

    public DashboardBuilder withVariable(Builder<VariableModel> variable) {
        if (this.internal.templating == null) {
            this.internal.templating = new DashboardDashboardTemplating();
        }
        if (this.internal.templating.list == null) {
            this.internal.templating.list = new LinkedList<>();
        }
        this.internal.templating.list.add(variable.build());
        return this;
    }

    private List<PanelOrRowPanel> panels() {
        if (this.internal.panels == null) {
            this.internal.panels = new LinkedList<>();
        }
        return this.internal.panels;
    }

    @Override
    public Dashboard build() {
        return this.internal;
    }
}
