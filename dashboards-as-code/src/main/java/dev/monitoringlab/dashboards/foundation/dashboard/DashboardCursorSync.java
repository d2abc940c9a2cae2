// Mirrors com.grafana.foundation.dashboard.DashboardCursorSync of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether panels share the cursor: off, a shared crosshair, or crosshair and tooltip. */
public enum DashboardCursorSync {
    OFF(0),
    CROSSHAIR(1),
    TOOLTIP(2);

    private final Integer value;

    DashboardCursorSync(Integer value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public Integer Value() {
        return value;
    }
}
