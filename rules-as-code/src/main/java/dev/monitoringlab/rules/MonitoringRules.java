package dev.monitoringlab.rules;

import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * Alerts about the monitoring itself, the ones that say "an alert of the lab can no longer fire": a target that
 * stopped answering, a series the rules read that is gone while its target is up, and the always-firing Watchdog
 * a dead man's switch listens to (after kube-prometheus's general.rules). They carry component "monitoring", which
 * routes them away from the lab's own Discord and Slack channels (see {@link Routing}).
 */
public final class MonitoringRules {
    public static final String GROUP = "monitoring";
    public static final String COMPONENT = "monitoring";
    public static final String TARGET_DOWN = "TargetDown";
    public static final String WATCHDOG = "Watchdog";
    /** The mock's scrape job, as {@link ScrapeJobs} names it; model_result's own selector is empty in the lab. */
    static final String MODEL_MOCK_JOB = "model_mock";

    private MonitoringRules() {
    }

    public static RuleGroup group(MonitoringSettings s) {
        return new RuleGroup(GROUP, List.of(targetDown(s), modelMockResultMissing(s), modelMockResultFrozen(s),
                storeModelNoPredictions(s), watchdog()));
    }

    /** Every scrape job at once: up is 0 for any target Prometheus cannot scrape. */
    static AlertRule targetDown(MonitoringSettings s) {
        String forDuration = s.promDuration(Setting.TARGET_DOWN_FOR);
        return AlertRule.builder(TARGET_DOWN)
                .expr("up == 0")
                .forDuration(forDuration)
                .label("severity", "critical")
                .label("component", COMPONENT)
                .summary("Target {{ $labels.instance }} of job {{ $labels.job }} is down")
                .description("Prometheus has not been able to scrape {{ $labels.instance }} (job {{ $labels.job }})"
                        + " for more than " + forDuration + ": the alerts that read its series cannot fire")
                .build();
    }

    /** The mock answers scrapes, but without model_result (renamed or never set): ModelMockHighAccuracy is blind. */
    static AlertRule modelMockResultMissing(MonitoringSettings s) {
        String up = Promql.series("up", "job=\"" + MODEL_MOCK_JOB + "\"");
        String result = Promql.series("model_result", s.selector(Setting.MODEL_MOCK_SELECTOR));
        return AlertRule.builder("ModelMockResultMissing")
                .expr(up + " == 1 unless on (job, instance) " + result)
                .forDuration(s.promDuration(Setting.METRIC_MISSING_FOR))
                .label("severity", "warning")
                .label("component", COMPONENT)
                .summary("Model mock {{ $labels.instance }} exports no model_result")
                .description("{{ $labels.instance }} answers scrapes but has not exported " + result + " for more than "
                        + s.promDuration(Setting.METRIC_MISSING_FOR) + ": ModelMockHighAccuracy cannot fire")
                .build();
    }

    /**
     * The mock answers scrapes with model_result, but the value has stopped being updated (its timer died): the
     * series is there, so ModelMockResultMissing is quiet, and a frozen value can neither cross the threshold nor
     * resolve. The mock counts its updates in model_result_updates_total; a counter that does not grow while the
     * target is up is the sign. A target that is down is TargetDown's business, hence {@code up == 1}.
     */
    static AlertRule modelMockResultFrozen(MonitoringSettings s) {
        String up = Promql.series("up", "job=\"" + MODEL_MOCK_JOB + "\"");
        String updates = Promql.series("model_result_updates_total", s.selector(Setting.MODEL_MOCK_SELECTOR));
        String window = s.promDuration(Setting.MODEL_MOCK_FROZEN_WINDOW);
        String forDuration = s.promDuration(Setting.MODEL_MOCK_FROZEN_FOR);
        return AlertRule.builder("ModelMockResultFrozen")
                .expr("increase(" + updates + "[" + window + "]) == 0 and on (job, instance) " + up + " == 1")
                .forDuration(forDuration)
                .label("severity", "warning")
                .label("component", COMPONENT)
                .summary("Model mock {{ $labels.instance }} no longer updates model_result")
                .description("{{ $labels.instance }} answers scrapes, but model_result_updates_total has not grown in "
                        + window + " windows for more than " + forDuration + ": model_result is frozen, and"
                        + " ModelMockHighAccuracy can neither fire nor resolve")
                .build();
    }

    /**
     * A model up for predictions that has answered none over the success window: its share of successful predictions
     * is 0/0 and StoreSuccessRateLow cannot fire. One rule for every model, nothing from the descriptors, three ways
     * to be idle: a model whose predictions counter exists but did not move (summed over versions, so a new version
     * that answers clears it), a model the service reports ready that has no counter at all, and an instance up
     * without any counter (which also catches a renamed counter). A service that exports without {@code model}
     * fires per instance, as before.
     */
    static AlertRule storeModelNoPredictions(MonitoringSettings s) {
        String sel = s.selector(Setting.STORE_MODEL_SELECTOR);
        String window = s.promDuration(Setting.STORE_SUCCESS_WINDOW);
        String predictions = Promql.series(MetricNames.PREDICTIONS, sel);
        String up = Promql.series("up", sel) + " == 1";
        String ready = Promql.series(MetricNames.READY, sel);
        return AlertRule.builder("StoreModelNoPredictions")
                .expr("(\n  sum by (job, instance, model) (rate(" + predictions + "[" + window + "])) == 0\n"
                        + "  or sum by (job, instance, model) (" + ready + " == 1)\n"
                        + "    unless on (job, instance, model) " + predictions + "\n"
                        + ")\nand on (job, instance) " + up + "\nor " + up + " unless on (job, instance) " + predictions
                        + " unless on (job, instance) " + ready)
                .forDuration(s.promDuration(Setting.STORE_NO_PREDICTIONS_FOR))
                .label("severity", "warning")
                .label("component", COMPONENT)
                .summary("Store model {{ $labels.instance }} receives no predictions"
                        + "{{ with $labels.model }} for model {{ . }}{{ end }}")
                .description("{{ $labels.instance }} is up but has answered no prediction"
                        + "{{ with $labels.model }} of model {{ . }}{{ end }} for more than "
                        + s.promDuration(Setting.STORE_NO_PREDICTIONS_FOR) + ": StoreSuccessRateLow cannot fire")
                .build();
    }

    /** Always firing while Prometheus evaluates rules and Alertmanager delivers: its silence is the alarm. */
    static AlertRule watchdog() {
        return AlertRule.builder(WATCHDOG)
                .expr("vector(1)")
                .label("severity", "none")
                .label("component", COMPONENT)
                .summary("The alerting pipeline is working")
                .description("Always firing, so that the heartbeat receiver hears from Prometheus and Alertmanager"
                        + " every repeat interval; if the heartbeats stop, one of them is down")
                .build();
    }
}
