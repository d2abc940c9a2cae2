// Mirrors com.grafana.foundation.dashboard.AnnotationContainer of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Annotation queries; Grafana adds its built-in "Annotations & Alerts" itself. */
public class AnnotationContainer {
    @JsonProperty("list")
    public List<AnnotationQuery> list;
}
