package dev.monitoringlab.dashboards.grafana;

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

    private final String json;

    GraphThresholdsStyleMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
