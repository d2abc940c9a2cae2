// Mirrors com.grafana.foundation.prometheus.Dataquery of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;

/** One Prometheus target of a panel (the Prometheus datasource's query model). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Dataquery implements dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery {
    @JsonProperty("datasource")
    public DataSourceRef datasource;
    @JsonProperty("refId")
    public String refId;
    @JsonProperty("editorMode")
    public QueryEditorMode editorMode;
    @JsonProperty("expr")
    public String expr;
    @JsonProperty("legendFormat")
    public String legendFormat;
    @JsonProperty("range")
    public Boolean range;
    @JsonProperty("instant")
    public Boolean instant;
    @JsonProperty("interval")
    public String interval;
}
