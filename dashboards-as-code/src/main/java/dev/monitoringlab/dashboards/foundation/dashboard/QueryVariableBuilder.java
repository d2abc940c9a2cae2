// Mirrors com.grafana.foundation.dashboard.QueryVariableBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import java.util.List;

/**
 * A variable whose values come from the datasource, e.g. every {@code instance} of a scrape job:
 * {@code new QueryVariableBuilder("instance").query(StringOrMap.createString("label_values(up, instance)"))}.
 */
public class QueryVariableBuilder implements Builder<VariableModel> {
    protected final VariableModel internal = new VariableModel();

    public QueryVariableBuilder(String name) {
        this.internal.type = VariableType.QUERY;
        this.internal.name = name;
    }

    public QueryVariableBuilder name(String name) {
        this.internal.name = name;
        return this;
    }

    public QueryVariableBuilder label(String label) {
        this.internal.label = label;
        return this;
    }

    public QueryVariableBuilder description(String description) {
        this.internal.description = description;
        return this;
    }

    public QueryVariableBuilder query(StringOrMap query) {
        this.internal.query = query;
        return this;
    }

    public QueryVariableBuilder datasource(DataSourceRef datasource) {
        this.internal.datasource = datasource;
        return this;
    }

    public QueryVariableBuilder current(VariableOption current) {
        this.internal.current = current;
        return this;
    }

    public QueryVariableBuilder multi(Boolean multi) {
        this.internal.multi = multi;
        return this;
    }

    public QueryVariableBuilder options(List<VariableOption> options) {
        this.internal.options = options;
        return this;
    }

    public QueryVariableBuilder refresh(VariableRefresh refresh) {
        this.internal.refresh = refresh;
        return this;
    }

    public QueryVariableBuilder sort(VariableSort sort) {
        this.internal.sort = sort;
        return this;
    }

    public QueryVariableBuilder includeAll(Boolean includeAll) {
        this.internal.includeAll = includeAll;
        return this;
    }

    /** The regex sent for "All" (else Grafana sends every value joined with |). */
    public QueryVariableBuilder allValue(String allValue) {
        this.internal.allValue = allValue;
        return this;
    }

    /** What the editor shows as the query; Grafana writes the query's text here. */
    public QueryVariableBuilder definition(String definition) {
        this.internal.definition = definition;
        return this;
    }

    @Override
    public VariableModel build() {
        return this.internal;
    }
}
