package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.PrometheusConfig;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/** prometheus.yml: the lab's global intervals, the rule files, the Alertmanager target and every scrape job. */
public final class ScrapeJobs {
    /** Relative to prometheus.yml, so the same file works natively and mounted at /etc/prometheus in compose. */
    public static final String RULE_FILES = "rules/*.rules.yml";

    private ScrapeJobs() {
    }

    public static PrometheusConfig prometheusConfig(MonitoringSettings s) {
        PrometheusConfig.Builder config = PrometheusConfig.builder()
                .scrapeInterval(s.promDuration(Setting.SCRAPE_INTERVAL))
                .evaluationInterval(s.promDuration(Setting.EVALUATION_INTERVAL))
                .ruleFiles(RULE_FILES)
                .alertmanager(s.alertmanagerTarget())
                .scrapeJob("prometheus", List.of("localhost:" + s.port(Setting.PROMETHEUS_PORT)))
                .scrapeJob("alertmanager", List.of(s.alertmanagerTarget()))
                .scrapeJob("model_mock", List.of(s.modelMockTarget()))
                .scrapeJob("node", s.nodeTargets())
                .scrapeJob("store_model", List.of(s.storeModelTarget()));
        // container metrics from cAdvisor (compose profile "cadvisor"): scraped only when that profile is on,
        // so a cAdvisor that nobody started never shows as a target down
        if (s.flag(Setting.CADVISOR_ENABLED)) {
            config.scrapeJob("cadvisor", s.cadvisorTargets());
        }
        return config.build();
    }
}
