package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.settings.MonitoringSettings;
import java.util.List;

/** Every dashboard the project provisions, built from one settings object. */
public final class Dashboards {
    private Dashboards() {
    }

    public static List<Dashboard> all(MonitoringSettings settings) {
        return List.of(
                new ModelMockDashboard(settings).build(),
                new HostDashboard(settings).build(),
                new StoreModelDashboard(settings).build());
    }
}
