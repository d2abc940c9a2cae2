package dev.monitoringlab.dashboards.foundation.cog.variants;

/** A panel target of any datasource (a marker, as in the SDK); each datasource package implements it. */
public interface Dataquery {
}
