package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a field's series get their colour. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldColor {
    @JsonProperty("mode")
    public FieldColorModeId mode;
}
