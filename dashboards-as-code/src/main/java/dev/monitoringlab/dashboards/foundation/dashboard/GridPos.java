package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A panel's place on Grafana's 24-column grid: height and width in grid units, x and y of its top-left corner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GridPos {
    @JsonProperty("h")
    public Integer h;
    @JsonProperty("w")
    public Integer w;
    @JsonProperty("x")
    public Integer x;
    @JsonProperty("y")
    public Integer y;

    public GridPos() {
    }

    public GridPos(Integer h, Integer w, Integer x, Integer y) {
        this.h = h;
        this.w = w;
        this.x = x;
        this.y = y;
    }
}
