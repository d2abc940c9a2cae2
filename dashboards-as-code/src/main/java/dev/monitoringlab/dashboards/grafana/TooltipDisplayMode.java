package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which series the tooltip shows. */
public enum TooltipDisplayMode {
    SINGLE("single"),
    MULTI("multi"),
    NONE("none");

    private final String json;

    TooltipDisplayMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
