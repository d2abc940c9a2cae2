package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Which datasource a panel, target or variable queries: its plugin type and its provisioned uid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSourceRef(String type, String uid) {

    public static DataSourceRef prometheus(String uid) {
        return new DataSourceRef("prometheus", uid);
    }
}
