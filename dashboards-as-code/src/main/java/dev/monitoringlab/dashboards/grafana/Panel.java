package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A visualisation panel (here always a timeseries) with its Prometheus targets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Panel(
        String type,
        int id,
        String title,
        String description,
        DataSourceRef datasource,
        GridPos gridPos,
        String interval,
        List<Dataquery> targets,
        FieldConfigSource fieldConfig,
        TimeseriesOptions options) implements DashboardPanel {

    public Panel {
        targets = List.copyOf(targets);
    }

    /** Field defaults plus per-series overrides (none here, but the schema requires the key). */
    public record FieldConfigSource(FieldConfig defaults, List<Object> overrides) {
        public FieldConfigSource {
            overrides = List.copyOf(overrides);
        }
    }
}
