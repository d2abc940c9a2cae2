// Mirrors com.grafana.foundation.dashboard.PanelOrRowPanel of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An entry of a dashboard's {@code panels}: exactly one of a visualisation or a row header. As in the SDK, the two
 * members are protected: outside this package they are read by name (see {@code dashboards.PanelEntries}).
 */
public class PanelOrRowPanel {
    protected Panel panel;
    protected RowPanel rowPanel;

    protected PanelOrRowPanel() {
    }

    public static PanelOrRowPanel createPanel(Panel panel) {
        PanelOrRowPanel entry = new PanelOrRowPanel();
        entry.panel = panel;
        return entry;
    }

    public static PanelOrRowPanel createRowPanel(RowPanel rowPanel) {
        PanelOrRowPanel entry = new PanelOrRowPanel();
        entry.rowPanel = rowPanel;
        return entry;
    }

    @JsonValue
    private Object json() {
        return panel != null ? panel : rowPanel;
    }
}
