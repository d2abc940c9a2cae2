package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * prometheus.yml: global intervals (and the external labels of a replica), rule files, where to send alerts,
 * where to copy samples (remote_write), and what to scrape.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PrometheusConfig(Global global, List<String> ruleFiles, Alerting alerting, List<RemoteWrite> remoteWrite,
                               List<ScrapeConfig> scrapeConfigs) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Global(String scrapeInterval, String evaluationInterval, Map<String, String> externalLabels) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Alerting(List<RelabelConfig> alertRelabelConfigs, List<AlertmanagerTarget> alertmanagers) {
    }

    /** One remote_write endpoint and the relabelling applied to what is sent there. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RemoteWrite(String url, List<RelabelConfig> writeRelabelConfigs) {
    }

    /** A relabel rule; only what this project uses ({@code labeldrop} by regex). */
    public record RelabelConfig(String action, String regex) {
        public static RelabelConfig labelDrop(String label) {
            return new RelabelConfig("labeldrop", label);
        }
    }

    public record AlertmanagerTarget(List<StaticConfig> staticConfigs) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads like the file it writes: {@code builder().scrapeInterval("5s").scrapeJob("model_mock", targets)...}. */
    public static final class Builder {
        private String scrapeInterval;
        private String evaluationInterval;
        private final List<String> ruleFiles = new ArrayList<>();
        private final List<String> alertmanagers = new ArrayList<>();
        private final List<ScrapeConfig> scrapeConfigs = new ArrayList<>();

        public Builder scrapeInterval(String interval) {
            this.scrapeInterval = interval;
            return this;
        }

        public Builder evaluationInterval(String interval) {
            this.evaluationInterval = interval;
            return this;
        }

        public Builder ruleFiles(String glob) {
            ruleFiles.add(glob);
            return this;
        }

        public Builder alertmanager(String target) {
            alertmanagers.add(target);
            return this;
        }

        public Builder scrapeJob(String jobName, List<String> targets) {
            return scrapeJob(ScrapeConfig.of(jobName, targets));
        }

        public Builder scrapeJob(ScrapeConfig job) {
            if (scrapeConfigs.stream().anyMatch(s -> s.jobName().equals(job.jobName()))) {
                throw new IllegalArgumentException("scrape job '" + job.jobName() + "' is defined twice");
            }
            scrapeConfigs.add(job);
            return this;
        }

        public PrometheusConfig build() {
            Alerting alerting = alertmanagers.isEmpty() ? null
                    : new Alerting(List.of(), List.of(new AlertmanagerTarget(List.of(new StaticConfig(alertmanagers)))));
            return new PrometheusConfig(new Global(scrapeInterval, evaluationInterval, Map.of()), List.copyOf(ruleFiles),
                    alerting, List.of(), List.copyOf(scrapeConfigs));
        }
    }
}
