package dev.monitoringlab.dashboards.grafana;

/** The timeseries panel's {@code options}: legend and tooltip (both required by its schema). */
public record TimeseriesOptions(VizLegendOptions legend, VizTooltipOptions tooltip) {
}
