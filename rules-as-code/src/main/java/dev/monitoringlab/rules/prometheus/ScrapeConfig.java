package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** One scrape job of prometheus.yml. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScrapeConfig(String jobName, String scrapeInterval, String metricsPath, String scheme, BasicAuth basicAuth,
                           TlsConfig tlsConfig, List<StaticConfig> staticConfigs, List<FileSdConfig> fileSdConfigs,
                           List<RelabelConfig> relabelConfigs) {

    public static ScrapeConfig of(String jobName, List<String> targets) {
        return new ScrapeConfig(jobName, null, null, null, null, null, List.of(new StaticConfig(targets)), null, null);
    }

    /** Targets read from files that Prometheus watches (file_sd_configs), paths relative to prometheus.yml. */
    public static ScrapeConfig fileSd(String jobName, String... files) {
        return new ScrapeConfig(jobName, null, null, null, null, null, null, List.of(new FileSdConfig(List.of(files))),
                null);
    }

    /** This job's fixed targets, none for an empty list. */
    public ScrapeConfig withStaticTargets(List<String> targets) {
        return new ScrapeConfig(jobName, scrapeInterval, metricsPath, scheme, basicAuth, tlsConfig,
                targets.isEmpty() ? null : List.of(new StaticConfig(targets)), fileSdConfigs, relabelConfigs);
    }

    /** HTTPS, checked against {@code caFile}, with basic auth whose password Prometheus reads from a file. */
    public ScrapeConfig https(String username, String passwordFile, String caFile) {
        return new ScrapeConfig(jobName, scrapeInterval, metricsPath, "https", new BasicAuth(username, passwordFile),
                new TlsConfig(caFile), staticConfigs, fileSdConfigs, relabelConfigs);
    }

    /** Sets the {@code job} label of every target, so two scrape configs can feed the rules of one job. */
    public ScrapeConfig jobLabel(String job) {
        List<RelabelConfig> relabel = new ArrayList<>(relabelConfigs == null ? List.of() : relabelConfigs);
        relabel.add(new RelabelConfig("job", job));
        return new ScrapeConfig(jobName, scrapeInterval, metricsPath, scheme, basicAuth, tlsConfig, staticConfigs,
                fileSdConfigs, List.copyOf(relabel));
    }

    /** basic_auth with password_file: the password never enters prometheus.yml. */
    public record BasicAuth(String username, String passwordFile) {
    }

    public record TlsConfig(String caFile) {
    }

    public record FileSdConfig(List<String> files) {
    }

    /** A relabelling rule that writes {@code replacement} into {@code targetLabel}. */
    public record RelabelConfig(String targetLabel, String replacement) {
    }
}
