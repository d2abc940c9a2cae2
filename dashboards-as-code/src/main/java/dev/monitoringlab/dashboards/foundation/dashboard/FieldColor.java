// Mirrors com.grafana.foundation.dashboard.FieldColor of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a field's series get their colour. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldColor {
    @JsonProperty("mode")
    public FieldColorModeId mode;
}
