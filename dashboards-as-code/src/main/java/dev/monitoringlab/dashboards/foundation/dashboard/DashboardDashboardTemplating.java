// Mirrors com.grafana.foundation.dashboard.DashboardDashboardTemplating of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The dashboard's variables. */
public class DashboardDashboardTemplating {
    @JsonProperty("list")
    public List<VariableModel> list;
}
