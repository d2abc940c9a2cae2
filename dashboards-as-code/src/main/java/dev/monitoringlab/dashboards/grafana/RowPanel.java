package dev.monitoringlab.dashboards.grafana;

import java.util.List;

/** A full-width row header; while expanded, the panels under it follow it in the dashboard's panel list. */
public record RowPanel(String type, int id, String title, boolean collapsed, GridPos gridPos, List<Panel> panels)
        implements DashboardPanel {

    public RowPanel {
        panels = List.copyOf(panels);
    }
}
