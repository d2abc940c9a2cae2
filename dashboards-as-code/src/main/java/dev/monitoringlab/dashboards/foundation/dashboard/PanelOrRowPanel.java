package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** An entry of a dashboard's {@code panels}: exactly one of a visualisation or a row header. */
public class PanelOrRowPanel {
    public Panel panel;
    public RowPanel rowPanel;

    @JsonValue
    public Object json() {
        return panel != null ? panel : rowPanel;
    }
}
