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
