// Mirrors com.grafana.foundation.dashboard.GridPos of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A panel's place on Grafana's 24-column grid: height and width in grid units, x and y of its top-left corner. */
public class GridPos {
    @JsonProperty("h")
    public Integer h;
    @JsonProperty("w")
    public Integer w;
    @JsonProperty("x")
    public Integer x;
    @JsonProperty("y")
    public Integer y;
    /** Whether the panel stays put when others are moved around it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("static")
    public Boolean staticArg;

    /** Grafana's default size (9 rows, half width), at the top-left corner. */
    public GridPos() {
        this.h = 9;
        this.w = 12;
        this.x = 0;
        this.y = 0;
    }

    public GridPos(Integer h, Integer w, Integer x, Integer y, Boolean staticArg) {
        this.h = h;
        this.w = w;
        this.x = x;
        this.y = y;
        this.staticArg = staticArg;
    }
}
