package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The dashboard's variables. */
public class DashboardDashboardTemplating {
    @JsonProperty("list")
    public List<VariableModel> list;
}
