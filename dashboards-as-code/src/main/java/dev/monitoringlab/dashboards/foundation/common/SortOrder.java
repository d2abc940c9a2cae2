// Mirrors com.grafana.foundation.common.SortOrder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
