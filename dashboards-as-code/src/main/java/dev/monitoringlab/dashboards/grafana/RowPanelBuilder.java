package dev.monitoringlab.dashboards.grafana;

import java.util.List;

/** Builds an expanded row header; the dashboard places it on its own line. */
public final class RowPanelBuilder {
    private final String title;

    public RowPanelBuilder(String title) {
        this.title = title;
    }

    RowPanel build(int id, int y) {
        return new RowPanel("row", id, title, false, new GridPos(1, GridPos.COLUMNS, 0, y), List.of());
    }
}
