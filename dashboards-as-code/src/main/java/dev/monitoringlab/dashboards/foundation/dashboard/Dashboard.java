// Mirrors com.grafana.foundation.dashboard.Dashboard of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;

/** A whole dashboard in Grafana's JSON model (schemaVersion 41, Grafana 12). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Dashboard {
    @JsonProperty("uid")
    public String uid;
    @JsonProperty("title")
    public String title;
    @JsonProperty("description")
    public String description;
    @JsonProperty("tags")
    public List<String> tags;
    @JsonProperty("timezone")
    public String timezone;
    @JsonProperty("editable")
    public Boolean editable;
    @JsonProperty("graphTooltip")
    public DashboardCursorSync graphTooltip;
    @JsonProperty("time")
    public DashboardDashboardTime time;
    @JsonProperty("refresh")
    public String refresh;
    @JsonProperty("schemaVersion")
    public Short schemaVersion;
    @JsonProperty("version")
    public Integer version;
    @JsonProperty("templating")
    public DashboardDashboardTemplating templating;
    @JsonProperty("annotations")
    public AnnotationContainer annotations;
    @JsonProperty("panels")
    public List<PanelOrRowPanel> panels;

    /** As the SDK writes it: Jackson's default pretty printer. */
    public String toJSON() throws JsonProcessingException {
        ObjectWriter ow = new ObjectMapper().writer().withDefaultPrettyPrinter();
        return ow.writeValueAsString(this);
    }
}
