package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether threshold values are absolute or a percentage of the panel's min..max. */
public enum ThresholdsMode {
    ABSOLUTE("absolute"),
    PERCENTAGE("percentage");

    private final String json;

    ThresholdsMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
