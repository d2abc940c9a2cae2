// Mirrors com.grafana.foundation.dashboard.FieldColorModeId of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** How series get their colour; {@link #PALETTE_CLASSIC} gives each series its own. */
public enum FieldColorModeId {
    THRESHOLDS("thresholds"),
    PALETTE_CLASSIC("palette-classic"),
    FIXED("fixed");

    private final String value;

    FieldColorModeId(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
