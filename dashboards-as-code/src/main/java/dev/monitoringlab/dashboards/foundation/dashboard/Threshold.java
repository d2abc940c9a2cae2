// Mirrors com.grafana.foundation.dashboard.Threshold of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a panel's thresholds. The base step has no value: Grafana writes it as {@code "value": null}
 * (meaning minus infinity), and its schema requires the key, so null is always serialised.
 */
public class Threshold {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonProperty("value")
    public Double value;
    @JsonProperty("color")
    public String color;

    public Threshold() {
    }

    public Threshold(Double value, String color) {
        this.value = value;
        this.color = color;
    }
}
