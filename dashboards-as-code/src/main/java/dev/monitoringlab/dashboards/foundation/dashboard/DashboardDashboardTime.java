// Mirrors com.grafana.foundation.dashboard.DashboardDashboardTime of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The dashboard's default time range, e.g. now-15m .. now. */
public class DashboardDashboardTime {
    @JsonProperty("from")
    public String from = "now-6h";
    @JsonProperty("to")
    public String to = "now";
}
