package dev.monitoringlab.kubernetes;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.Map;

/**
 * The kube-prometheus-stack Helm values the generated objects need (helm -f helm-values.yaml), with the settings
 * filled in: which objects Prometheus, Alertmanager and Grafana select, and the lab's scrape and evaluation
 * intervals, which the rules' windows and for-durations assume. Not a Kubernetes object, so not in the
 * kustomization; stack/kubernetes/README.md explains each value.
 */
public final class HelmValues {
    public static final String FILE = "helm-values.yaml";

    private HelmValues() {
    }

    public static Map<String, Object> of(MonitoringSettings s) {
        String release = s.raw(Setting.KUBERNETES_RELEASE_LABEL);
        return Tree.map(
                "prometheus", Tree.map("prometheusSpec", Tree.map(
                        "ruleSelectorNilUsesHelmValues", false,
                        "serviceMonitorSelectorNilUsesHelmValues", false,
                        "podMonitorSelectorNilUsesHelmValues", false,
                        "scrapeInterval", s.promDuration(Setting.SCRAPE_INTERVAL),
                        "evaluationInterval", s.promDuration(Setting.EVALUATION_INTERVAL))),
                "alertmanager", Tree.map("alertmanagerSpec", Tree.map(
                        "alertmanagerConfigSelector", Tree.map("matchLabels", Tree.map(Resource.RELEASE, release)),
                        "alertmanagerConfigMatcherStrategy", Tree.map("type", "None"))),
                "grafana", Tree.map("sidecar", Tree.map("dashboards", Tree.map(
                        "enabled", true,
                        "label", DashboardConfigMaps.SIDECAR_LABEL,
                        "labelValue", DashboardConfigMaps.SIDECAR_LABEL_VALUE,
                        "searchNamespace", "ALL"))));
    }
}
