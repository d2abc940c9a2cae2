package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a series is drawn. */
public enum GraphDrawStyle {
    LINE("line"),
    BARS("bars"),
    POINTS("points");

    private final String json;

    GraphDrawStyle(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
