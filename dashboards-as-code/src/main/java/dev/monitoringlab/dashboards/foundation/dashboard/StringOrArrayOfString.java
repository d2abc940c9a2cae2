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
