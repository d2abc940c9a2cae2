// Mirrors com.grafana.foundation.cog.Builder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.cog;

/** Anything that builds a piece of the dashboard model ({@code com.grafana.foundation.cog.Builder}). */
@FunctionalInterface
public interface Builder<T> {
    T build();
}
