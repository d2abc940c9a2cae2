package dev.monitoringlab.dashboards.grafana;

/** A panel's hover tooltip: one series or all, and their order. */
public record VizTooltipOptions(TooltipDisplayMode mode, SortOrder sort) {
}
