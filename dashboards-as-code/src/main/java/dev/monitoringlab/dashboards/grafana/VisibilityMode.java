package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** When points are drawn on a line. */
public enum VisibilityMode {
    AUTO("auto"),
    NEVER("never"),
    ALWAYS("always");

    private final String json;

    VisibilityMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
