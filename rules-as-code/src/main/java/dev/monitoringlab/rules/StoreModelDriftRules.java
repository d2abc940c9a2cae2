package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;

/**
 * The store model's drift alerts: the service scores each input and its output against the training data
 * (Population Stability Index over a sliding window, see model-serving's drift package); these rules only
 * compare the score with the threshold, and only once the window holds enough predictions to judge.
 */
public final class StoreModelDriftRules {
    private StoreModelDriftRules() {
    }

    /** PSI of each input feature, label {@code feature}. */
    public static String inputDrift(MonitoringSettings s) {
        return Promql.series("store_model_input_drift_psi", s.selector(Setting.STORE_MODEL_SELECTOR));
    }

    public static String outputDrift(MonitoringSettings s) {
        return Promql.series("store_model_output_drift_psi", s.selector(Setting.STORE_MODEL_SELECTOR));
    }

    /** Keeps only the instances whose drift window holds enough predictions to judge. */
    static String enoughRecords(MonitoringSettings s) {
        return "and on (job, instance) " + Promql.series("store_model_drift_window_records",
                s.selector(Setting.STORE_MODEL_SELECTOR)) + " >= " + s.raw(Setting.STORE_DRIFT_MIN_RECORDS).trim();
    }

    static AlertRule inputDrift(MonitoringSettings s, String component) {
        String threshold = threshold(s);
        return driftAlert(s, component, "StoreModelInputDrift", inputDrift(s))
                .summary("Input {{ $labels.feature }} of the store model has drifted from the training data")
                .description("The Population Stability Index of {{ $labels.feature }} over the service's drift window"
                        + " is {{ $value | printf \"%.2f\" }} (above " + threshold + ": a significant shift). The"
                        + " model sees inputs it was not trained on; its predictions there are extrapolations")
                .build();
    }

    static AlertRule outputDrift(MonitoringSettings s, String component) {
        String threshold = threshold(s);
        return driftAlert(s, component, "StoreModelOutputDrift", outputDrift(s))
                .summary("The store model's predicted probabilities have drifted from training")
                .description("The Population Stability Index of the predicted probability over the service's drift"
                        + " window is {{ $value | printf \"%.2f\" }} (above " + threshold + "): the model answers"
                        + " differently from what it did on its training data")
                .build();
    }

    private static String threshold(MonitoringSettings s) {
        return s.raw(Setting.STORE_DRIFT_THRESHOLD).trim();
    }

    /** What both drift alerts share: the score above the threshold, enough records, 'for', labels. */
    private static AlertRule.Builder driftAlert(MonitoringSettings s, String component, String name, String score) {
        return AlertRule.builder(name)
                .expr(score + " > " + threshold(s) + "\n" + enoughRecords(s))
                .forDuration(s.promDuration(Setting.STORE_DRIFT_FOR))
                .label("severity", "warning")
                .label("component", component);
    }
}
