package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonValue;

/** Order of series in the tooltip. */
public enum SortOrder {
    ASC("asc"),
    DESC("desc"),
    NONE("none");

    private final String json;

    SortOrder(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
