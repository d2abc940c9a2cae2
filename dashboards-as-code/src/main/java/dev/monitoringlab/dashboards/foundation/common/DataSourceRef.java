// Mirrors com.grafana.foundation.common.DataSourceRef of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

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
