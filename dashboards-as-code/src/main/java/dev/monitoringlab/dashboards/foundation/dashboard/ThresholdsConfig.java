// Mirrors com.grafana.foundation.dashboard.ThresholdsConfig of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A panel's threshold steps, sorted by value, the first being the base step (value null). */
public class ThresholdsConfig {
    @JsonProperty("mode")
    public ThresholdsMode mode;
    @JsonProperty("steps")
    public List<Threshold> steps;
}
