package dev.monitoringlab.dashboards.grafana;

/** Builds a Prometheus target: {@code new DataqueryBuilder().expr("model_result").legendFormat("{{job}}")}. */
public final class DataqueryBuilder implements Builder<Dataquery> {
    private DataSourceRef datasource;
    private String refId;
    private String expr;
    private String legendFormat;
    private boolean instant;
    private String interval;

    public DataqueryBuilder datasource(DataSourceRef datasource) {
        this.datasource = datasource;
        return this;
    }

    public DataqueryBuilder refId(String refId) {
        this.refId = refId;
        return this;
    }

    public DataqueryBuilder expr(String expr) {
        this.expr = expr;
        return this;
    }

    public DataqueryBuilder legendFormat(String legendFormat) {
        this.legendFormat = legendFormat;
        return this;
    }

    /** A range query (the default): one point per step over the dashboard's time range. */
    public DataqueryBuilder range() {
        this.instant = false;
        return this;
    }

    /** An instant query: only the latest value. */
    public DataqueryBuilder instant() {
        this.instant = true;
        return this;
    }

    /** Lower limit of the query step ("5s"); defaults to the datasource's scrape interval. */
    public DataqueryBuilder interval(String interval) {
        this.interval = interval;
        return this;
    }

    @Override
    public Dataquery build() {
        if (expr == null || expr.isBlank()) {
            throw new IllegalStateException("a Prometheus target needs an expr");
        }
        // "code" keeps Grafana's query editor from rewriting the expression in builder mode.
        return new Dataquery(datasource, refId, "code", expr, legendFormat, !instant, instant, interval);
    }
}
