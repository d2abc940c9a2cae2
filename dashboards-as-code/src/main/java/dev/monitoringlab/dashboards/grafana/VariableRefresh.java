package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** When Grafana re-runs a query variable's query. */
public enum VariableRefresh {
    NEVER(0),
    ON_DASHBOARD_LOAD(1),
    ON_TIME_RANGE_CHANGED(2);

    private final int json;

    VariableRefresh(int json) {
        this.json = json;
    }

    @JsonValue
    public int json() {
        return json;
    }
}
