package dev.monitoringlab.kubernetes;

import dev.monitoringlab.dashboards.Dashboards;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.settings.MonitoringSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ConfigMap per dashboard, holding the very JSON that is provisioned to the compose Grafana (the generator's
 * own rendering, so the two cannot drift apart). kube-prometheus-stack's Grafana sidecar loads every ConfigMap
 * labelled {@code grafana_dashboard: "1"}.
 */
public final class DashboardConfigMaps {
    public static final String SIDECAR_LABEL = "grafana_dashboard";
    public static final String SIDECAR_LABEL_VALUE = "1";
    /** The API server refuses a ConfigMap over 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    private DashboardConfigMaps() {
    }

    /** The provisioned dashboards: file name (uid.json) to JSON, exactly as dashboards-as-code writes them. */
    public static Map<String, String> provisionedDashboards(MonitoringSettings s) {
        return provisionedDashboards(s, Models.committed());
    }

    /** The same with the per-model panels of {@code models}. */
    public static Map<String, String> provisionedDashboards(MonitoringSettings s, List<ModelSpec> models) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Dashboards.jsonByUid(s, models).forEach((uid, json) -> out.put(uid + ".json", json));
        return out;
    }

    public static List<Resource> of(MonitoringSettings s) {
        return of(s, Models.committed());
    }

    public static List<Resource> of(MonitoringSettings s, List<ModelSpec> models) {
        List<Resource> out = new ArrayList<>();
        for (Map.Entry<String, String> d : provisionedDashboards(s, models).entrySet()) {
            String uid = d.getKey().replaceFirst("\\.json$", "");
            if (d.getValue().getBytes(StandardCharsets.UTF_8).length >= MAX_BYTES) {
                throw new KubernetesException("dashboard " + uid + " is over 1 MiB, the largest ConfigMap Kubernetes stores");
            }
            out.add(Resource.builder("v1", "ConfigMap", "grafana-dashboard-" + uid, s)
                    .label(SIDECAR_LABEL, SIDECAR_LABEL_VALUE)
                    .field("data", Tree.map(d.getKey(), d.getValue()))
                    .build());
        }
        return out;
    }
}
