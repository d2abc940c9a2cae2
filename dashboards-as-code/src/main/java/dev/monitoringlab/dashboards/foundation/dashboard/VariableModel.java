// Mirrors com.grafana.foundation.dashboard.VariableModel of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import java.util.List;

/** A dashboard variable (templating entry), used in queries as {@code $name}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VariableModel {
    @JsonProperty("type")
    public VariableType type;
    @JsonProperty("name")
    public String name;
    @JsonProperty("label")
    public String label;
    @JsonProperty("description")
    public String description;
    @JsonProperty("datasource")
    public DataSourceRef datasource;
    @JsonProperty("query")
    public StringOrMap query;
    @JsonProperty("definition")
    public String definition;
    @JsonProperty("refresh")
    public VariableRefresh refresh;
    @JsonProperty("sort")
    public VariableSort sort;
    @JsonProperty("multi")
    public Boolean multi;
    @JsonProperty("includeAll")
    public Boolean includeAll;
    @JsonProperty("allValue")
    public String allValue;
    @JsonProperty("current")
    public VariableOption current;
    @JsonProperty("options")
    public List<VariableOption> options;
}
