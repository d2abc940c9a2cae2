package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Which datasource a panel, target or variable queries: its plugin type and its uid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataSourceRef {
    @JsonProperty("type")
    public String type;
    @JsonProperty("uid")
    public String uid;

    public DataSourceRef() {
    }

    public DataSourceRef(String type, String uid) {
        this.type = type;
        this.uid = uid;
    }
}
