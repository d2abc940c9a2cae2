package dev.monitoringlab.dashboards.grafana;

import java.util.List;

/**
 * Builds a query variable whose values come from the datasource, e.g. every {@code instance} of a scrape job:
 * {@code new QueryVariableBuilder("instance").query("label_values(up{job=\"node\"}, instance)").includeAll(true)}.
 */
public final class QueryVariableBuilder implements Builder<VariableModel> {
    /** What Grafana stores as the current value when "All" is selected. */
    public static final String ALL = "$__all";

    private final String name;
    private String label;
    private String description;
    private DataSourceRef datasource;
    private String query;
    private VariableRefresh refresh = VariableRefresh.ON_TIME_RANGE_CHANGED;
    private int sort = 1;
    private boolean multi;
    private boolean includeAll;
    private String allValue;

    public QueryVariableBuilder(String name) {
        this.name = name;
    }

    public QueryVariableBuilder label(String label) {
        this.label = label;
        return this;
    }

    public QueryVariableBuilder description(String description) {
        this.description = description;
        return this;
    }

    public QueryVariableBuilder datasource(DataSourceRef datasource) {
        this.datasource = datasource;
        return this;
    }

    /** A Prometheus variable query such as {@code label_values(up{job="node"}, instance)}. */
    public QueryVariableBuilder query(String query) {
        this.query = query;
        return this;
    }

    public QueryVariableBuilder refresh(VariableRefresh refresh) {
        this.refresh = refresh;
        return this;
    }

    /** 0 none, 1 alphabetical ascending, ... (Grafana's VariableSort). */
    public QueryVariableBuilder sort(int sort) {
        this.sort = sort;
        return this;
    }

    public QueryVariableBuilder multi(boolean multi) {
        this.multi = multi;
        return this;
    }

    public QueryVariableBuilder includeAll(boolean includeAll) {
        this.includeAll = includeAll;
        return this;
    }

    /** The regex sent for "All" (else Grafana sends every value joined with |). */
    public QueryVariableBuilder allValue(String allValue) {
        this.allValue = allValue;
        return this;
    }

    @Override
    public VariableModel build() {
        if (query == null || query.isBlank()) {
            throw new IllegalStateException("query variable " + name + " needs a query");
        }
        // Start on "All" so a fresh dashboard shows every target before anyone touches the picker.
        VariableModel.VariableOption current = includeAll
                ? new VariableModel.VariableOption(true, List.of("All"), List.of(ALL)) : null;
        return new VariableModel("query", name, label, description, datasource, query, query,
                refresh.json(), sort, multi, includeAll, allValue, current, List.of());
    }
}
