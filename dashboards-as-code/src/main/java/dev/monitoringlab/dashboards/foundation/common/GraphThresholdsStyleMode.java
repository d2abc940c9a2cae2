// Mirrors com.grafana.foundation.common.GraphThresholdsStyleMode of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a timeseries panel draws its thresholds; {@link #LINE} is the lab's red line at y = threshold. */
public enum GraphThresholdsStyleMode {
    OFF("off"),
    LINE("line"),
    DASHED("dashed"),
    AREA("area"),
    LINE_AND_AREA("line+area"),
    DASHED_AND_AREA("dashed+area"),
    SERIES("series");

    private final String value;

    GraphThresholdsStyleMode(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
