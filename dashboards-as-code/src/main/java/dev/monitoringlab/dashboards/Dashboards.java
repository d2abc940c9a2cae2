package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.settings.MonitoringSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every dashboard the project provisions, built from one settings object and the model repository's descriptors. */
public final class Dashboards {
    private Dashboards() {
    }

    /** Every dashboard, the per-model panels for the committed models ({@link Models#committed()}). */
    public static List<Dashboard> all(MonitoringSettings settings) {
        return all(settings, Models.committed());
    }

    /** Every dashboard, the per-model panels for {@code models}. */
    public static List<Dashboard> all(MonitoringSettings settings, List<ModelSpec> models) {
        return List.of(
                new ModelMockDashboard(settings).build(),
                new HostDashboard(settings).build(),
                new StoreModelDashboard(settings, models).build(),
                new SloDashboard(settings).build());
    }

    /**
     * Each dashboard's JSON, exactly as the generator writes it, by uid: for code that ships the dashboards
     * elsewhere (ConfigMaps, an HTTP API) without depending on the builders' model classes. Checked as the
     * generator checks them: throws {@link DashboardException} if one would be refused.
     */
    public static Map<String, String> jsonByUid(MonitoringSettings settings) {
        return jsonByUid(settings, Models.committed());
    }

    /** The same for {@code models}. */
    public static Map<String, String> jsonByUid(MonitoringSettings settings, List<ModelSpec> models) {
        List<Dashboard> dashboards = all(settings, models);
        DashboardChecks.requireValid(dashboards, Common.prometheus());
        Map<String, String> byUid = new LinkedHashMap<>();
        for (Dashboard d : dashboards) {
            byUid.put(d.uid, DashboardJson.write(d));
        }
        return byUid;
    }
}
