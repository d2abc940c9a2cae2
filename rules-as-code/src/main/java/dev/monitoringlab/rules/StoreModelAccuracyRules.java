package dev.monitoringlab.rules;

import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;

/**
 * Whether each model is still right, judged by the true labels that arrive later (feedback). The threshold is
 * derived at evaluation time from the held-out accuracy the served version reports
 * ({@code store_model_heldout_accuracy}, from its artifact.json) minus a margin setting: a retrained model moves
 * the threshold with it, and the rules need not read a build's model directory when they are generated.
 * <p>
 * One rule for every model: each model and version is compared with the held-out accuracy of that same version
 * ({@code by (job, instance, model, version)}), so nothing comes from the descriptors. After a version change the
 * old version's counters stop, its ratio goes empty, and the new version is judged once it has its own labels.
 * A service that exports without {@code model} and {@code version} is compared per instance, as before.
 */
public final class StoreModelAccuracyRules {
    /** What the accuracy, its threshold and its sample size are computed per. */
    static final String PER = "(job, instance, model, version)";

    private StoreModelAccuracyRules() {
    }

    private static String labelled(MonitoringSettings s, String matchers, String outcome) {
        return Promql.series(MetricNames.LABELLED, s.selector(Setting.STORE_MODEL_SELECTOR), matchers, outcome);
    }

    /** Share of the labelled predictions over the accuracy window that were correct, per instance, model and version. */
    public static String accuracy(MonitoringSettings s) {
        return accuracy(s, "");
    }

    /** The same, narrowed by {@code matchers} (a dashboard's variable). */
    public static String accuracy(MonitoringSettings s, String matchers) {
        String window = s.promDuration(Setting.STORE_ACCURACY_WINDOW);
        return "sum by " + PER + " (rate(" + labelled(s, matchers, "outcome=\"correct\"") + "[" + window + "]))\n"
                + "/ sum by " + PER + " (rate(" + labelled(s, matchers, "") + "[" + window + "]))";
    }

    /** The line the accuracy must stay above: the served version's held-out accuracy minus the margin. */
    public static String threshold(MonitoringSettings s) {
        return threshold(s, "");
    }

    /** The same, narrowed by {@code matchers} (a dashboard's variable). */
    public static String threshold(MonitoringSettings s, String matchers) {
        return Promql.series(MetricNames.HELDOUT_ACCURACY, s.selector(Setting.STORE_MODEL_SELECTOR), matchers) + " - "
                + s.raw(Setting.STORE_ACCURACY_MARGIN).trim();
    }

    /** Labelled predictions in the window, the sample size behind the accuracy. */
    public static String labels(MonitoringSettings s) {
        return "sum by " + PER + " (increase(" + labelled(s, "", "") + "[" + s.promDuration(Setting.STORE_ACCURACY_WINDOW)
                + "]))";
    }

    static AlertRule accuracyLow(MonitoringSettings s, String component) {
        String margin = s.raw(Setting.STORE_ACCURACY_MARGIN).trim();
        String window = s.promDuration(Setting.STORE_ACCURACY_WINDOW);
        String minLabels = s.raw(Setting.STORE_ACCURACY_MIN_LABELS).trim();
        return AlertRule.builder("StoreModelAccuracyLow")
                .expr("(\n" + accuracy(s) + "\n)\n< on " + PER + " (" + threshold(s) + ")\nand on " + PER + " "
                        + labels(s) + " >= " + minLabels)
                .forDuration(s.promDuration(Setting.STORE_ACCURACY_FOR))
                .label("severity", "warning")
                .label("component", component)
                .summary("{{ with $labels.model }}Model {{ . }}{{ else }}The store model{{ end }} is wrong more often than at"
                        + " training")
                .description("Only {{ $value | humanizePercentage }} of the predictions labelled over the last " + window
                        + " were correct, more than " + margin + " below the model's held-out accuracy. The inputs may"
                        + " look as in training while the outcome now depends on them differently (concept drift)")
                .build();
    }
}
