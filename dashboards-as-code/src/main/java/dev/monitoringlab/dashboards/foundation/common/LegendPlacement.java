package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the legend sits. */
public enum LegendPlacement {
    BOTTOM("bottom"),
    RIGHT("right");

    private final String value;

    LegendPlacement(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
