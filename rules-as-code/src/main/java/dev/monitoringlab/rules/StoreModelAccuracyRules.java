package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;

/**
 * Whether the store model is still right, judged by the true labels that arrive later ({@code POST /feedback}).
 * The threshold is derived at evaluation time from the held-out accuracy the served model reports
 * ({@code store_model_heldout_accuracy}, read from its descriptor) minus a margin setting: a retrained model
 * moves the threshold with it, and the rules need not read a build's model directory when they are generated.
 */
public final class StoreModelAccuracyRules {
    private StoreModelAccuracyRules() {
    }

    private static String labelled(MonitoringSettings s, String outcome) {
        return Promql.series("store_model_labelled_predictions_total", s.selector(Setting.STORE_MODEL_SELECTOR), outcome);
    }

    /** Share of the labelled predictions over the accuracy window that were correct, per instance. */
    public static String accuracy(MonitoringSettings s) {
        String window = s.promDuration(Setting.STORE_ACCURACY_WINDOW);
        return "sum by (job, instance) (rate(" + labelled(s, "outcome=\"correct\"") + "[" + window + "]))\n"
                + "/ sum by (job, instance) (rate(" + labelled(s, "") + "[" + window + "]))";
    }

    /** The line the accuracy must stay above: the served model's held-out accuracy minus the margin. */
    public static String threshold(MonitoringSettings s) {
        return Promql.series("store_model_heldout_accuracy", s.selector(Setting.STORE_MODEL_SELECTOR)) + " - "
                + s.raw(Setting.STORE_ACCURACY_MARGIN).trim();
    }

    /** Labelled predictions in the window, the sample size behind the accuracy. */
    public static String labels(MonitoringSettings s) {
        return "sum by (job, instance) (increase(" + labelled(s, "") + "[" + s.promDuration(Setting.STORE_ACCURACY_WINDOW)
                + "]))";
    }

    static AlertRule accuracyLow(MonitoringSettings s, String component) {
        String margin = s.raw(Setting.STORE_ACCURACY_MARGIN).trim();
        String window = s.promDuration(Setting.STORE_ACCURACY_WINDOW);
        String minLabels = s.raw(Setting.STORE_ACCURACY_MIN_LABELS).trim();
        return AlertRule.builder("StoreModelAccuracyLow")
                .expr("(\n" + accuracy(s) + "\n)\n< on (job, instance) (" + threshold(s) + ")\nand on (job, instance) "
                        + labels(s) + " >= " + minLabels)
                .forDuration(s.promDuration(Setting.STORE_ACCURACY_FOR))
                .label("severity", "warning")
                .label("component", component)
                .summary("The store model is wrong more often than at training")
                .description("Only {{ $value | humanizePercentage }} of the predictions labelled over the last " + window
                        + " were correct, more than " + margin + " below the model's held-out accuracy. The inputs may"
                        + " look as in training while the outcome now depends on them differently (concept drift)")
                .build();
    }
}
