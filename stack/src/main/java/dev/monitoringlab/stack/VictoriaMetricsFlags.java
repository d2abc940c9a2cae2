package dev.monitoringlab.stack;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.PromDuration;
import dev.monitoringlab.settings.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** VictoriaMetrics' command line from the settings, the same natively and in compose (via stack/.env). */
final class VictoriaMetricsFlags {
    private VictoriaMetricsFlags() {
    }

    static List<String> command(Path binary, MonitoringSettings s, String host, Path dataDir) {
        return List.of(binary.toString(),
                "-httpListenAddr=" + host + ":" + s.port(Setting.VICTORIA_METRICS_PORT),
                "-storageDataPath=" + dataDir,
                "-retentionPeriod=" + retention(s),
                // both replicas write the same series (their replica label dropped): one sample per scrape is kept
                "-dedup.minScrapeInterval=" + s.promDuration(Setting.SCRAPE_INTERVAL),
                "-search.latencyOffset=" + latencyOffset(s));
    }

    /** VictoriaMetrics' retention: whole days as "30d", else hours (its smallest unit); at least 1d, as checked. */
    static String retention(MonitoringSettings s) {
        Duration d = s.duration(Setting.VICTORIA_METRICS_RETENTION);
        return d.toHours() % 24 == 0 ? d.toDays() + "d" : Math.max(24, d.toHours()) + "h";
    }

    /**
     * How far behind "now" queries stop: the default 30 s would leave the last 30 s of every Grafana panel empty;
     * two scrape intervals let both replicas' samples of a scrape arrive before the point is shown.
     */
    static String latencyOffset(MonitoringSettings s) {
        return PromDuration.format(s.scrapeInterval().multipliedBy(2));
    }
}
