// Mirrors com.grafana.foundation.dashboard.StringOrArrayOfString of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** A variable option's text or value: one string, or several for a multi-value variable. */
public class StringOrArrayOfString {
    protected String string;
    protected List<String> arrayOfString;

    protected StringOrArrayOfString() {
    }

    public static StringOrArrayOfString createString(String string) {
        StringOrArrayOfString v = new StringOrArrayOfString();
        v.string = string;
        return v;
    }

    public static StringOrArrayOfString createArrayOfString(List<String> arrayOfString) {
        StringOrArrayOfString v = new StringOrArrayOfString();
        v.arrayOfString = arrayOfString;
        return v;
    }

    @JsonValue
    private Object json() {
        return string != null ? string : arrayOfString;
    }
}
