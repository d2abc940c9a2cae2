package dev.monitoringlab.rules;

import dev.monitoringlab.models.InputSpec;
import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;

/**
 * The drift alerts of each model: the service scores each input and output against the training data of the
 * version that answers (Population Stability Index over a sliding window); these rules only compare the score with
 * the threshold, and only once the window holds enough predictions to judge.
 */
public final class StoreModelDriftRules {
    private StoreModelDriftRules() {
    }

    /** PSI of one input of one model, label {@code feature}. */
    public static String inputDrift(MonitoringSettings s, ModelSpec model, InputSpec input) {
        return inputDrift(s, model, input, "");
    }

    /** The same, narrowed further by {@code matchers} (a dashboard's variable). */
    public static String inputDrift(MonitoringSettings s, ModelSpec model, InputSpec input, String matchers) {
        return Promql.series(MetricNames.INPUT_DRIFT, s.selector(Setting.STORE_MODEL_SELECTOR), Models.matcher(model),
                matchers, MetricNames.INPUT + "=\"" + input.name() + "\"");
    }

    /** PSI of each output of one model, label {@code output}. */
    public static String outputDrift(MonitoringSettings s, ModelSpec model) {
        return Promql.series(MetricNames.OUTPUT_DRIFT, s.selector(Setting.STORE_MODEL_SELECTOR), Models.matcher(model));
    }

    /**
     * Keeps only the scores whose drift window holds enough predictions to judge: the window of the same instance,
     * model and version (the scores and the window exist for the version that answers).
     */
    static String enoughRecords(MonitoringSettings s) {
        return "and on (job, instance, model, version) " + Promql.series(MetricNames.DRIFT_WINDOW_RECORDS,
                s.selector(Setting.STORE_MODEL_SELECTOR)) + " >= " + s.raw(Setting.STORE_DRIFT_MIN_RECORDS).trim();
    }

    static AlertRule inputDriftAlert(MonitoringSettings s, ModelSpec model, InputSpec input, String component) {
        String threshold = threshold(s);
        String what = input.description() == null ? "" : " (" + input.description()
                + (input.unit() == null ? "" : ", in " + input.unit()) + ")";
        return driftAlert(s, component, "StoreModelInputDrift", inputDrift(s, model, input), model)
                .label(MetricNames.INPUT, input.name())
                .summary("Input " + input.name() + " of model " + model.name() + " has drifted from the training data")
                .description("The Population Stability Index of " + input.name() + what + " over the service's drift"
                        + " window is {{ $value | printf \"%.2f\" }} (above " + threshold + ": a significant shift). The"
                        + " model sees inputs it was not trained on; its predictions there are extrapolations")
                .build();
    }

    static AlertRule outputDriftAlert(MonitoringSettings s, ModelSpec model, String component) {
        String threshold = threshold(s);
        return driftAlert(s, component, "StoreModelOutputDrift", outputDrift(s, model), model)
                .summary("The outputs of model " + model.name() + " have drifted from training")
                .description("The Population Stability Index of the model's output{{ with $labels.output }} {{ . }}{{ end }} over the"
                        + " service's drift window is {{ $value | printf \"%.2f\" }} (above " + threshold + "): the"
                        + " model answers differently from what it did on its training data")
                .build();
    }

    private static String threshold(MonitoringSettings s) {
        return s.raw(Setting.STORE_DRIFT_THRESHOLD).trim();
    }

    /** What both drift alerts share: the score above the threshold, enough records, 'for', labels. */
    private static AlertRule.Builder driftAlert(MonitoringSettings s, String component, String name, String score,
                                                ModelSpec model) {
        return AlertRule.builder(name)
                .expr(score + " > " + threshold(s) + "\n" + enoughRecords(s))
                .forDuration(s.promDuration(Setting.STORE_DRIFT_FOR))
                .label("severity", "warning")
                .label("component", component)
                .label(MetricNames.MODEL, model.name());
    }
}
