package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the legend lists series. */
public enum LegendDisplayMode {
    LIST("list"),
    TABLE("table"),
    HIDDEN("hidden");

    private final String json;

    LegendDisplayMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
