package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The dashboard's default time range, e.g. now-15m .. now. */
public class DashboardDashboardTime {
    @JsonProperty("from")
    public String from = "now-6h";
    @JsonProperty("to")
    public String to = "now";
}
