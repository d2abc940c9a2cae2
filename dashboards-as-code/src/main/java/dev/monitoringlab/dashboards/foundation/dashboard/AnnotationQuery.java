// Mirrors com.grafana.foundation.dashboard.AnnotationQuery of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

/** An annotation query; the dashboards here add none, so it has no members (the SDK's has the query's fields). */
public class AnnotationQuery {
}
