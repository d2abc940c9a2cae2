package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** When Grafana re-runs a query variable's query. */
public enum VariableRefresh {
    NEVER(0),
    ON_DASHBOARD_LOAD(1),
    ON_TIME_RANGE_CHANGED(2);

    private final Integer value;

    VariableRefresh(Integer value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public Integer Value() {
        return value;
    }
}
