// Mirrors com.grafana.foundation.common.BoolOrFloat64 of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** A JSON value that is either a boolean or a number (e.g. {@code spanNulls}: false, or a gap in ms). */
public class BoolOrFloat64 {
    protected Boolean bool;
    protected Double float64;

    protected BoolOrFloat64() {
    }

    public static BoolOrFloat64 createBool(Boolean bool) {
        BoolOrFloat64 v = new BoolOrFloat64();
        v.bool = bool;
        return v;
    }

    public static BoolOrFloat64 createFloat64(Double float64) {
        BoolOrFloat64 v = new BoolOrFloat64();
        v.float64 = float64;
        return v;
    }

    @JsonValue
    private Object json() {
        return bool != null ? bool : float64;
    }
}
