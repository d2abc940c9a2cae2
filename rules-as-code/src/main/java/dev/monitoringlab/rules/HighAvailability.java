package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.PrometheusConfig;
import dev.monitoringlab.rules.prometheus.PrometheusConfig.RelabelConfig;
import dev.monitoringlab.rules.prometheus.ScrapeConfig;
import dev.monitoringlab.rules.prometheus.StaticConfig;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.settings.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The highly available layout's prometheus.yml, one file per replica: the single instance's scrape jobs and
 * rules, plus an external label {@code replica} that alone tells the replicas apart, both Alertmanagers as alert
 * targets (never a load balancer: each replica sends every alert to every peer) and remote_write into
 * VictoriaMetrics.
 *
 * <p>One generated file per replica rather than one file with a substituted label: each file is complete, so
 * {@code promtool check config} proves exactly what each replica loads, and no feature flag
 * ({@code --enable-feature=expand-external-labels}) or environment is needed to read it.
 *
 * <p>The {@code replica} label is dropped from what leaves a replica, by Prometheus's own relabelling: from the
 * alerts, so that both replicas' copies of an alert are one alert to the Alertmanager cluster (it deduplicates by
 * label set), and from the remote-written samples, so that both replicas write the same series and
 * VictoriaMetrics' {@code -dedup.minScrapeInterval} keeps one sample per scrape interval.
 */
public final class HighAvailability {
    public static final String REPLICA_LABEL = "replica";
    /** The replicas' names, the values of their {@code replica} label. */
    public static final List<String> REPLICAS = List.of("a", "b");

    private HighAvailability() {
    }

    /**
     * Refuses a peer timeout that is not shorter than the group interval. Each peer runs its notification pipeline
     * on every group interval with the alerts as they are then; the second peer first waits its peer timeout, then
     * checks the notification log. If the first peer has meanwhile logged the alert's resolution (it does so at its
     * own next flush, one group interval later), the second sends the stale FIRING again, and logs it, so the first
     * then skips the next episode as already notified. Measured with the lab's 1 s group interval: a peer timeout of
     * 15 s (Alertmanager's default) gave one duplicate and one lost episode in three, 2 s a duplicate in every one.
     */
    public static void checkPeerTimeout(MonitoringSettings s) {
        if (s.duration(Setting.HA_ALERTMANAGER_PEER_TIMEOUT).compareTo(s.duration(Setting.GROUP_INTERVAL)) >= 0) {
            throw new SettingsException("invalid setting " + Setting.HA_ALERTMANAGER_PEER_TIMEOUT.key() + "="
                    + s.raw(Setting.HA_ALERTMANAGER_PEER_TIMEOUT) + ": must be shorter than "
                    + Setting.GROUP_INTERVAL.key() + " (" + s.promDuration(Setting.GROUP_INTERVAL) + "), or the second"
                    + " Alertmanager re-sends alerts the first has already notified and seen resolved");
        }
    }

    public static Path prometheusYml(String replica) {
        return Path.of("prometheus", "prometheus-replica-" + replica + ".yml");
    }

    public static int prometheusPort(MonitoringSettings s, String replica) {
        return s.port(replica.equals("a") ? Setting.PROMETHEUS_PORT : Setting.HA_PROMETHEUS_PORT_B);
    }

    public static int alertmanagerPort(MonitoringSettings s, String replica) {
        return s.port(replica.equals("a") ? Setting.ALERTMANAGER_PORT : Setting.HA_ALERTMANAGER_PORT_B);
    }

    public static int alertmanagerClusterPort(MonitoringSettings s, String replica) {
        return s.port(replica.equals("a") ? Setting.HA_ALERTMANAGER_CLUSTER_PORT : Setting.HA_ALERTMANAGER_CLUSTER_PORT_B);
    }

    public static String remoteWriteUrl(MonitoringSettings s) {
        return "http://localhost:" + s.port(Setting.VICTORIA_METRICS_PORT) + "/api/v1/write";
    }

    public static PrometheusConfig prometheusConfig(MonitoringSettings s, String replica) {
        if (!REPLICAS.contains(replica)) {
            throw new IllegalArgumentException("replica '" + replica + "' is not one of " + REPLICAS);
        }
        PrometheusConfig single = ScrapeJobs.prometheusConfig(s);
        List<String> prometheis = REPLICAS.stream().map(r -> "localhost:" + prometheusPort(s, r)).toList();
        List<String> alertmanagers = REPLICAS.stream().map(r -> "localhost:" + alertmanagerPort(s, r)).toList();
        List<ScrapeConfig> jobs = new ArrayList<>();
        for (ScrapeConfig job : single.scrapeConfigs()) {
            // both replicas scrape the same targets, their own pair included, so their series are the same
            jobs.add(switch (job.jobName()) {
                case "prometheus" -> ScrapeConfig.of(job.jobName(), prometheis);
                case "alertmanager" -> ScrapeConfig.of(job.jobName(), alertmanagers);
                default -> job;
            });
        }
        jobs.add(ScrapeConfig.of("victoriametrics", List.of("localhost:" + s.port(Setting.VICTORIA_METRICS_PORT))));
        RelabelConfig dropReplica = RelabelConfig.labelDrop(REPLICA_LABEL);
        return new PrometheusConfig(
                new PrometheusConfig.Global(single.global().scrapeInterval(), single.global().evaluationInterval(),
                        Map.of(REPLICA_LABEL, replica)),
                single.ruleFiles(),
                new PrometheusConfig.Alerting(List.of(dropReplica),
                        List.of(new PrometheusConfig.AlertmanagerTarget(List.of(new StaticConfig(alertmanagers))))),
                List.of(new PrometheusConfig.RemoteWrite(remoteWriteUrl(s), List.of(dropReplica))),
                List.copyOf(jobs));
    }

    /** The files this layout adds to stack/generated/ (Alertmanager's peers share the single alertmanager.yml). */
    public static List<GeneratedFile> render(MonitoringSettings s) {
        return REPLICAS.stream().map(r -> new GeneratedFile(prometheusYml(r), Yaml.write(prometheusConfig(s, r)), false))
                .toList();
    }
}
