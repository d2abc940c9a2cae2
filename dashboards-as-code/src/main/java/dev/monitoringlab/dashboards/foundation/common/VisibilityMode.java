package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** When points are drawn on a line. */
public enum VisibilityMode {
    AUTO("auto"),
    NEVER("never"),
    ALWAYS("always");

    private final String value;

    VisibilityMode(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
