package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Annotation queries; Grafana adds its built-in "Annotations & Alerts" itself. */
public class AnnotationContainer {
    @JsonProperty("list")
    public List<Object> list;
}
