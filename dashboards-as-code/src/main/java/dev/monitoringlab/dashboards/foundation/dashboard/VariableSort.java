// Mirrors com.grafana.foundation.dashboard.VariableSort of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
