package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A value of a variable as its picker shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VariableOption {
    @JsonProperty("selected")
    public Boolean selected;
    @JsonProperty("text")
    public StringOrArrayOfString text;
    @JsonProperty("value")
    public StringOrArrayOfString value;

    public VariableOption() {
    }

    public VariableOption(Boolean selected, StringOrArrayOfString text, StringOrArrayOfString value) {
        this.selected = selected;
        this.text = text;
        this.value = value;
    }
}
