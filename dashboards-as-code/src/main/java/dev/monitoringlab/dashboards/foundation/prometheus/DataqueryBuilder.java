// Mirrors com.grafana.foundation.prometheus.DataqueryBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.prometheus;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;

/** A Prometheus target: {@code new DataqueryBuilder().expr("model_result").legendFormat("{{job}}").range()}. */
public class DataqueryBuilder implements Builder<dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery> {
    protected final Dataquery internal = new Dataquery();

    public DataqueryBuilder datasource(DataSourceRef datasource) {
        this.internal.datasource = datasource;
        return this;
    }

    public DataqueryBuilder editorMode(QueryEditorMode editorMode) {
        this.internal.editorMode = editorMode;
        return this;
    }

    public DataqueryBuilder expr(String expr) {
        this.internal.expr = expr;
        return this;
    }

    public DataqueryBuilder legendFormat(String legendFormat) {
        this.internal.legendFormat = legendFormat;
        return this;
    }

    /** A range query: one point per step over the dashboard's time range. */
    public DataqueryBuilder range() {
        this.internal.range = true;
        this.internal.instant = false;
        return this;
    }

    /** An instant query: only the latest value. */
    public DataqueryBuilder instant() {
        this.internal.instant = true;
        this.internal.range = false;
        return this;
    }

    /** Lower limit of the query step ("5s"); defaults to the datasource's scrape interval. */
    public DataqueryBuilder interval(String interval) {
        this.internal.interval = interval;
        return this;
    }

    @Override
    public Dataquery build() {
        return this.internal;
    }
}
