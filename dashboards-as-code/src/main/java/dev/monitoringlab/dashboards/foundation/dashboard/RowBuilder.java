// Mirrors com.grafana.foundation.dashboard.RowBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import dev.monitoringlab.dashboards.foundation.cog.Builder;

/** An expanded row header; {@link DashboardBuilder#withRow} places it on its own line. */
public class RowBuilder implements Builder<RowPanel> {
    protected final RowPanel internal = new RowPanel();

    public RowBuilder(String title) {
        this.internal.title = title;
    }

    public RowBuilder title(String title) {
        this.internal.title = title;
        return this;
    }

    public RowBuilder id(Integer id) {
        this.internal.id = id;
        return this;
    }

    public RowBuilder gridPos(GridPos gridPos) {
        this.internal.gridPos = gridPos;
        return this;
    }

    @Override
    public RowPanel build() {
        return this.internal;
    }
}
