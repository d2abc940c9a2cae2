// Mirrors com.grafana.foundation.timeseries.FieldConfig of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.timeseries;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.monitoringlab.dashboards.foundation.common.GraphFieldConfig;

/** The timeseries panel's {@code fieldConfig.defaults.custom}: a graph's field options, as in the SDK. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldConfig extends GraphFieldConfig {
}
