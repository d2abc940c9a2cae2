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
