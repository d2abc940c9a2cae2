package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A dashboard variable (templating entry), used in queries as {@code $name}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VariableModel {
    @JsonProperty("type")
    public String type;
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
