// Mirrors com.grafana.foundation.prometheus.QueryEditorMode of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.prometheus;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which editor Grafana opens a query in; {@link #CODE} keeps the expression as written. */
public enum QueryEditorMode {
    BUILDER("builder"),
    CODE("code");

    private final String value;

    QueryEditorMode(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
