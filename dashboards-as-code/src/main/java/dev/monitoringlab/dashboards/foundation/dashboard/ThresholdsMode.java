// Mirrors com.grafana.foundation.dashboard.ThresholdsMode of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether threshold values are absolute or a percentage of the panel's min..max. */
public enum ThresholdsMode {
    ABSOLUTE("absolute"),
    PERCENTAGE("percentage");

    private final String value;

    ThresholdsMode(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
