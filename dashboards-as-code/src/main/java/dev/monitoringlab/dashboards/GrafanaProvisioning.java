package dev.monitoringlab.dashboards;

import dev.monitoringlab.rules.Yaml;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana's provisioning files: the Prometheus datasource (with the uid every panel refers to) and a file
 * provider that loads the generated dashboards from where the compose file mounts them.
 */
public final class GrafanaProvisioning {
    /** Where the grafana service mounts stack/generated/grafana/dashboards (read-only). */
    public static final String DASHBOARDS_MOUNT = "/etc/grafana/dashboards";
    /** Where the grafana service mounts stack/generated/grafana/provisioning (read-only). */
    public static final String PROVISIONING_MOUNT = "/etc/grafana/provisioning";
    /**
     * Prometheus runs with host networking (lab 7.2) on 127.0.0.1; compose runs Grafana on the host network too
     * and maps this name to loopback ({@code extra_hosts: ["host.docker.internal:127.0.0.1"]}).
     */
    public static final String PROMETHEUS_HOST = "host.docker.internal";

    private GrafanaProvisioning() {
    }

    /**
     * Prometheus, or with ha.enabled VictoriaMetrics: it answers the same query API and holds both replicas'
     * samples, so the dashboards keep working when one Prometheus is down.
     */
    public static String prometheusUrl(MonitoringSettings settings) {
        Setting port = settings.flag(Setting.HA_ENABLED) ? Setting.VICTORIA_METRICS_PORT : Setting.PROMETHEUS_PORT;
        return "http://" + PROMETHEUS_HOST + ":" + settings.port(port);
    }

    /** provisioning/datasources/prometheus.yml */
    public static String datasources(MonitoringSettings settings) {
        Map<String, Object> jsonData = new LinkedHashMap<>();
        // Grafana's $__rate_interval and min step follow this: it must be the scrape interval.
        jsonData.put("timeInterval", settings.promDuration(Setting.SCRAPE_INTERVAL));
        jsonData.put("httpMethod", "POST");
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("name", "Prometheus");
        ds.put("type", Common.DATASOURCE_TYPE);
        ds.put("uid", Common.DATASOURCE_UID);
        ds.put("access", "proxy");
        ds.put("url", prometheusUrl(settings));
        ds.put("isDefault", true);
        ds.put("editable", false);
        ds.put("jsonData", jsonData);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", 1);
        root.put("datasources", List.of(ds));
        return Yaml.write(root);
    }

    /** provisioning/dashboards/dashboards.yml */
    public static String dashboardProviders() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", DASHBOARDS_MOUNT);
        options.put("foldersFromFilesStructure", false);
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", "monitoring-lab");
        provider.put("orgId", 1);
        provider.put("folder", "Monitoring lab");
        provider.put("type", "file");
        // The files are the source of truth: changes made in the UI would be lost at the next generation.
        provider.put("disableDeletion", true);
        provider.put("allowUiUpdates", false);
        provider.put("updateIntervalSeconds", 10);
        provider.put("options", options);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", 1);
        root.put("providers", List.of(provider));
        return Yaml.write(root);
    }
}
