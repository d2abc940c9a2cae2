// Mirrors com.grafana.foundation.dashboard.DashboardFieldConfigSourceOverrides of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

/** A per-series override of a panel's field defaults; the panels here have none, so it has no members. */
public class DashboardFieldConfigSourceOverrides {
}
