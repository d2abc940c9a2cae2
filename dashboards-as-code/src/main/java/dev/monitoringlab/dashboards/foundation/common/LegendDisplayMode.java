// Mirrors com.grafana.foundation.common.LegendDisplayMode of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the legend lists series. */
public enum LegendDisplayMode {
    LIST("list"),
    TABLE("table"),
    HIDDEN("hidden");

    private final String value;

    LegendDisplayMode(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
