package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the legend sits. */
public enum LegendPlacement {
    BOTTOM("bottom"),
    RIGHT("right");

    private final String json;

    LegendPlacement(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
