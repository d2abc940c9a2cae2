package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One Prometheus target of a panel (the Prometheus datasource's query model). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dataquery(
        DataSourceRef datasource,
        String refId,
        String editorMode,
        String expr,
        String legendFormat,
        Boolean range,
        Boolean instant,
        String interval) {

    /** The same query with another refId (the panel assigns A, B, C... to targets that have none). */
    public Dataquery withRefId(String id) {
        return new Dataquery(datasource, id, editorMode, expr, legendFormat, range, instant, interval);
    }

    /** The same query, taking the panel's datasource when it names none itself. */
    public Dataquery withDefaultDatasource(DataSourceRef ref) {
        return datasource != null ? this
                : new Dataquery(ref, refId, editorMode, expr, legendFormat, range, instant, interval);
    }
}
