package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** prometheus.yml: global intervals, rule files, where to send alerts, and what to scrape. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PrometheusConfig(Global global, List<String> ruleFiles, Alerting alerting, List<ScrapeConfig> scrapeConfigs) {

    public record Global(String scrapeInterval, String evaluationInterval) {
    }

    public record Alerting(List<AlertmanagerTarget> alertmanagers) {
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
                    : new Alerting(List.of(new AlertmanagerTarget(List.of(new StaticConfig(alertmanagers)))));
            return new PrometheusConfig(new Global(scrapeInterval, evaluationInterval), List.copyOf(ruleFiles),
                    alerting, List.copyOf(scrapeConfigs));
        }
    }
}
