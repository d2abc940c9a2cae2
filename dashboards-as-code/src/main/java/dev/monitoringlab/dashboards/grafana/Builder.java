package dev.monitoringlab.dashboards.grafana;

/** Anything that builds a piece of the dashboard model (mirrors the Foundation SDK's {@code cog.Builder}). */
@FunctionalInterface
public interface Builder<T> {
    T build();
}
