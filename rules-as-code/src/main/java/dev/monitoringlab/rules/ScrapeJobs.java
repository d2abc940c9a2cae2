package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.PrometheusConfig;
import dev.monitoringlab.rules.prometheus.ScrapeConfig;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.nio.file.Path;
import java.util.List;

/** prometheus.yml: the lab's global intervals, the rule files, the Alertmanager target and every scrape job. */
public final class ScrapeJobs {
    /** Relative to prometheus.yml, so the same file works natively and mounted at /etc/prometheus in compose. */
    public static final String RULE_FILES = "rules/*.rules.yml";

    /** file_sd files the playbook writes from the inventory (vm-ansible/prometheus-targets.yml); more may be added. */
    public static final String NODE_FILE_SD = "file_sd/node-plain*.yml";
    public static final String NODE_TLS_FILE_SD = "file_sd/node-tls*.yml";

    private ScrapeJobs() {
    }

    /**
     * Settings name files relative to stack/; Prometheus resolves relative paths against the directory of
     * prometheus.yml, which is generated two levels below stack/ (generated/prometheus/).
     */
    static String fromConfigDir(String stackRelative) {
        return Path.of(stackRelative).isAbsolute() ? stackRelative : "../../" + stackRelative;
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
                // node exporters: the settings' plain-HTTP targets plus the inventory's hosts, from the files the
                // playbook writes (vm-ansible); secure hosts in their own job, relabelled so the host rules see job="node"
                .scrapeJob(ScrapeConfig.fileSd("node", NODE_FILE_SD).withStaticTargets(s.nodeTargets()))
                .scrapeJob(ScrapeConfig.fileSd("node_tls", NODE_TLS_FILE_SD)
                        .https(s.raw(Setting.NODE_TLS_USERNAME), fromConfigDir(s.raw(Setting.NODE_TLS_PASSWORD_FILE)),
                                fromConfigDir(s.raw(Setting.NODE_TLS_CA_FILE)))
                        .jobLabel("node"))
                .scrapeJob("store_model", List.of(s.storeModelTarget()));
        // container metrics from cAdvisor (compose profile "cadvisor"): scraped only when that profile is on,
        // so a cAdvisor that nobody started never shows as a target down
        if (s.flag(Setting.CADVISOR_ENABLED)) {
            config.scrapeJob("cadvisor", s.cadvisorTargets());
        }
        return config.build();
    }
}
