package dev.monitoringlab.stack;

import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.HighAvailability;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose's profile ha from the settings: the .env variables that turn the single Prometheus and Alertmanager
 * into replica a and the first gossip peer, and the services the profile adds. Off, the same variables keep the
 * single stack as it was (prometheus.yml, gossip off).
 */
final class ComposeHa {
    /** Inside the compose network each Alertmanager gossips on the image's default port. */
    static final String GOSSIP_LISTEN = "0.0.0.0:9094";

    private ComposeHa() {
    }

    static boolean enabled(MonitoringSettings s) {
        return s.flag(Setting.HA_ENABLED);
    }

    static Map<String, String> variables(MonitoringSettings s) {
        boolean ha = enabled(s);
        if (ha) {
            HighAvailability.checkPeerTimeout(s);
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("PROMETHEUS_CONFIG", (ha ? HighAvailability.prometheusYml("a") : ConfigGenerator.PROMETHEUS_YML)
                .getFileName().toString());
        v.put("ALERTMANAGER_CLUSTER_LISTEN", ha ? GOSSIP_LISTEN : "");
        v.put("ALERTMANAGER_PEER_TIMEOUT", s.promDuration(Setting.HA_ALERTMANAGER_PEER_TIMEOUT));
        v.put("PROMETHEUS_B_PORT", String.valueOf(s.port(Setting.HA_PROMETHEUS_PORT_B)));
        v.put("ALERTMANAGER_B_PORT", String.valueOf(s.port(Setting.HA_ALERTMANAGER_PORT_B)));
        v.put("VICTORIA_METRICS_PORT", String.valueOf(s.port(Setting.VICTORIA_METRICS_PORT)));
        v.put("VICTORIA_METRICS_RETENTION", VictoriaMetricsFlags.retention(s));
        v.put("VICTORIA_METRICS_LATENCY_OFFSET", VictoriaMetricsFlags.latencyOffset(s));
        v.put("SCRAPE_INTERVAL", s.promDuration(Setting.SCRAPE_INTERVAL));
        return v;
    }

    static List<StackSummary.Service> services(MonitoringSettings s) {
        if (!enabled(s)) {
            return List.of();
        }
        return List.of(
                new StackSummary.Service("Prometheus replica b", "http://127.0.0.1:" + s.port(Setting.HA_PROMETHEUS_PORT_B)),
                new StackSummary.Service("Alertmanager b", "http://127.0.0.1:" + s.port(Setting.HA_ALERTMANAGER_PORT_B)),
                new StackSummary.Service("VictoriaMetrics", "http://127.0.0.1:" + s.port(Setting.VICTORIA_METRICS_PORT)
                        + "/vmui"));
    }
}
