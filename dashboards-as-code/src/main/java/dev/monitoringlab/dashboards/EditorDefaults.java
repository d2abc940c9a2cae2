package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery;
import dev.monitoringlab.dashboards.foundation.dashboard.AnnotationContainer;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardDashboardTemplating;
import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.PanelOrRowPanel;
import dev.monitoringlab.dashboards.foundation.dashboard.RowPanel;
import java.util.LinkedList;
import java.util.List;

/**
 * What Grafana's editor fills in when a dashboard is saved and the SDK's builders leave empty: panel ids (stable,
 * so {@code ?viewPanel=N} links keep working), a refId per target (A, B, C... as the editor assigns them), the
 * panel's datasource on targets that name none, and the empty variable and annotation lists Grafana's schema
 * requires. Written against the SDK's public model fields (a panel entry's through {@link PanelEntries}), so it
 * works unchanged on the real SDK.
 */
public final class EditorDefaults {
    private EditorDefaults() {
    }

    public static Dashboard apply(Dashboard d) {
        if (d.templating == null) {
            d.templating = new DashboardDashboardTemplating();
        }
        if (d.templating.list == null) {
            d.templating.list = new LinkedList<>();
        }
        if (d.annotations == null) {
            d.annotations = new AnnotationContainer();
        }
        if (d.annotations.list == null) {
            d.annotations.list = new LinkedList<>();
        }
        if (d.panels == null) {
            d.panels = new LinkedList<>();
        }
        int nextId = 1;
        for (PanelOrRowPanel entry : d.panels) {
            RowPanel row = PanelEntries.rowPanel(entry);
            if (row != null) {
                row.id = row.id != null ? row.id : nextId;
            } else {
                Panel panel = PanelEntries.panel(entry);
                panel.id = panel.id != null ? panel.id : nextId;
                fillTargets(panel);
            }
            nextId++;
        }
        return d;
    }

    private static void fillTargets(Panel panel) {
        List<Dataquery> targets = panel.targets != null ? panel.targets : List.of();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) instanceof dev.monitoringlab.dashboards.foundation.prometheus.Dataquery q) {
                if (q.refId == null) {
                    q.refId = String.valueOf((char) ('A' + i));
                }
                if (q.datasource == null) {
                    q.datasource = panel.datasource;
                }
            }
        }
    }
}
