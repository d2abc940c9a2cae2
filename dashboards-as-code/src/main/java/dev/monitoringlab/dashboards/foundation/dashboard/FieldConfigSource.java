// Mirrors com.grafana.foundation.dashboard.FieldConfigSource of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedList;
import java.util.List;

/** Field defaults plus per-series overrides (none here, but Grafana's schema requires the key). */
public class FieldConfigSource {
    @JsonProperty("defaults")
    public FieldConfig defaults;
    @JsonProperty("overrides")
    public List<DashboardFieldConfigSourceOverrides> overrides = new LinkedList<>();
}
