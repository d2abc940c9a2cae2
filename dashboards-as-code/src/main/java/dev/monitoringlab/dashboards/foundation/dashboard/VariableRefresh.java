// Mirrors com.grafana.foundation.dashboard.VariableRefresh of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
