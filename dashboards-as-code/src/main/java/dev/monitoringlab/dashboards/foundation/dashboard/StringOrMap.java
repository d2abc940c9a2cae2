// Mirrors com.grafana.foundation.dashboard.StringOrMap of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** A variable query: a plain string (Prometheus) or an object (datasources with structured queries). */
public class StringOrMap {
    protected String string;
    protected Map<String, Object> map;

    protected StringOrMap() {
    }

    public static StringOrMap createString(String string) {
        StringOrMap v = new StringOrMap();
        v.string = string;
        return v;
    }

    public static StringOrMap createMap(Map<String, Object> map) {
        StringOrMap v = new StringOrMap();
        v.map = map;
        return v;
    }

    @JsonValue
    private Object json() {
        return string != null ? string : map;
    }
}
