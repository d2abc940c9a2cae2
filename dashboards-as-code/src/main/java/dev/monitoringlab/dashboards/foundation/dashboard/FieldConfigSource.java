package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedList;
import java.util.List;

/** Field defaults plus per-series overrides (none here, but Grafana's schema requires the key). */
public class FieldConfigSource {
    @JsonProperty("defaults")
    public FieldConfig defaults;
    @JsonProperty("overrides")
    public List<Object> overrides = new LinkedList<>();
}
