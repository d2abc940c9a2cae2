// Mirrors com.grafana.foundation.dashboard.VariableOption of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
