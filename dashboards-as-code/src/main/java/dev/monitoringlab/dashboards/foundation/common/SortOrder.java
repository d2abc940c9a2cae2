package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** Order of series in the tooltip. */
public enum SortOrder {
    ASCENDING("asc"),
    DESCENDING("desc"),
    NONE("none");

    private final String value;

    SortOrder(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
