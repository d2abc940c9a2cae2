package dev.monitoringlab.dashboards.grafana;

/** An entry of a dashboard's {@code panels}: a visualisation or a row header. */
public sealed interface DashboardPanel permits Panel, RowPanel {
    String type();

    int id();

    String title();

    GridPos gridPos();
}
