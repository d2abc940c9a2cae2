package dev.monitoringlab.dashboards.foundation.cog;

/** Anything that builds a piece of the dashboard model ({@code com.grafana.foundation.cog.Builder}). */
@FunctionalInterface
public interface Builder<T> {
    T build();
}
