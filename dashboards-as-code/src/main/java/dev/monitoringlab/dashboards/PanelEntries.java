package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.PanelOrRowPanel;
import dev.monitoringlab.dashboards.foundation.dashboard.RowPanel;
import java.lang.reflect.Field;

/**
 * Reads an entry of a dashboard's panel list. The SDK's {@code PanelOrRowPanel} has only factories and keeps its
 * two members ({@code panel}, {@code rowPanel}) protected, so they are read by name; the names are the SDK's.
 */
public final class PanelEntries {
    private static final Field PANEL = field("panel");
    private static final Field ROW_PANEL = field("rowPanel");

    private PanelEntries() {
    }

    /** The visualisation, or null for a row header. */
    public static Panel panel(PanelOrRowPanel entry) {
        return (Panel) get(PANEL, entry);
    }

    /** The row header, or null for a visualisation. */
    public static RowPanel rowPanel(PanelOrRowPanel entry) {
        return (RowPanel) get(ROW_PANEL, entry);
    }

    private static Field field(String name) {
        try {
            Field f = PanelOrRowPanel.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("PanelOrRowPanel has no member '" + name + "'", e);
        }
    }

    private static Object get(Field f, PanelOrRowPanel entry) {
        try {
            return f.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
