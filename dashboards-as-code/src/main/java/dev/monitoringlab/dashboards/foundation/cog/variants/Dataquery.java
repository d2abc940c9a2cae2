// Mirrors com.grafana.foundation.cog.variants.Dataquery of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.cog.variants;

/** A panel target of any datasource (a marker, as in the SDK); each datasource package implements it. */
public interface Dataquery {
}
