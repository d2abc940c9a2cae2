package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a variable's values are sorted in its picker. */
public enum VariableSort {
    DISABLED(0),
    ALPHABETICAL_ASC(1),
    ALPHABETICAL_DESC(2),
    NUMERICAL_ASC(3),
    NUMERICAL_DESC(4);

    private final Integer value;

    VariableSort(Integer value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public Integer Value() {
        return value;
    }
}
