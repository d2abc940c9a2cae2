package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which series the tooltip shows. */
public enum TooltipDisplayMode {
    SINGLE("single"),
    MULTI("multi"),
    NONE("none");

    private final String value;

    TooltipDisplayMode(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
