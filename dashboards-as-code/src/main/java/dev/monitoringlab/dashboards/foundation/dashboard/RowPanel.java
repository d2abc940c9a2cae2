// Mirrors com.grafana.foundation.dashboard.RowPanel of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedList;
import java.util.List;

/** A full-width row header; while expanded, the panels under it follow it in the dashboard's panel list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RowPanel {
    @JsonProperty("type")
    public String type = "row";
    @JsonProperty("id")
    public Integer id;
    @JsonProperty("title")
    public String title;
    @JsonProperty("collapsed")
    public Boolean collapsed = false;
    @JsonProperty("gridPos")
    public GridPos gridPos;
    @JsonProperty("panels")
    public List<Panel> panels = new LinkedList<>();
}
