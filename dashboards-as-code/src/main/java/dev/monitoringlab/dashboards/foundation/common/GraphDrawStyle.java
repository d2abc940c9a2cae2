package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a series is drawn. */
public enum GraphDrawStyle {
    LINE("line"),
    BARS("bars"),
    POINTS("points");

    private final String value;

    GraphDrawStyle(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
