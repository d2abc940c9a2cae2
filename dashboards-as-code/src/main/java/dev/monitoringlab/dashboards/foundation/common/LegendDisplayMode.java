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
