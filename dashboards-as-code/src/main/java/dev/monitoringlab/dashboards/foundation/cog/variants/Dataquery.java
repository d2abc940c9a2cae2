package dev.monitoringlab.dashboards.foundation.cog.variants;

/** A panel target of any datasource; each datasource package has its own implementation. */
public interface Dataquery {
    /** The datasource plugin type the query is for, e.g. "prometheus". */
    String dataqueryType();
}
