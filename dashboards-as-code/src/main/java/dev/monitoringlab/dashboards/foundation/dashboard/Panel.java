// Mirrors com.grafana.foundation.dashboard.Panel of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import java.util.List;

/** A visualisation panel; its plugin ({@code type}) decides what {@code options} and {@code custom} hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Panel {
    @JsonProperty("type")
    public String type;
    @JsonProperty("id")
    public Integer id;
    @JsonProperty("title")
    public String title;
    @JsonProperty("description")
    public String description;
    @JsonProperty("datasource")
    public DataSourceRef datasource;
    @JsonProperty("gridPos")
    public GridPos gridPos;
    @JsonProperty("interval")
    public String interval;
    @JsonProperty("targets")
    public List<Dataquery> targets;
    @JsonProperty("fieldConfig")
    public FieldConfigSource fieldConfig;
    @JsonProperty("options")
    public Object options;
}
