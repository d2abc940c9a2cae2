package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * The workshop's alert (the share of stores predicted successful has collapsed), the drift alerts that name the
 * cause, and the accuracy alert that judges the model by the true labels that come later.
 */
public final class StoreModelRules {
    public static final String GROUP = "store-model";
    public static final String COMPONENT = "store-model";

    private StoreModelRules() {
    }

    public static RuleGroup group(MonitoringSettings s) {
        return new RuleGroup(GROUP, List.of(successRateLow(s), StoreModelDriftRules.inputDrift(s, COMPONENT),
                StoreModelDriftRules.outputDrift(s, COMPONENT), StoreModelAccuracyRules.accuracyLow(s, COMPONENT)));
    }

    /** Share of predictions that were "successful" over the settings' window, 0 to 1. */
    public static String successRatio(MonitoringSettings s) {
        String sel = s.selector(Setting.STORE_MODEL_SELECTOR);
        String window = s.promDuration(Setting.STORE_SUCCESS_WINDOW);
        return "sum(rate(" + Promql.series("store_model_predictions_total", sel, "class=\"successful\"") + "[" + window
                + "])) / sum(rate(" + Promql.series("store_model_predictions_total", sel) + "[" + window + "]))";
    }

    static AlertRule successRateLow(MonitoringSettings s) {
        double threshold = s.storeSuccessThreshold();
        String percent = String.valueOf(Math.round(threshold * 1000) / 10.0).replaceAll("\\.0$", "");
        return AlertRule.builder("StoreSuccessRateLow")
                .expr(successRatio(s) + " < " + s.raw(Setting.STORE_SUCCESS_THRESHOLD))
                .forDuration(s.promDuration(Setting.STORE_SUCCESS_FOR))
                .label("severity", "critical")
                .label("component", COMPONENT)
                .summary("Share of successful store predictions is below " + percent + "%")
                .description("Only {{ $value | humanizePercentage }} of the store model's predictions over the last "
                        + s.promDuration(Setting.STORE_SUCCESS_WINDOW) + " were 'successful' (threshold " + percent
                        + "%): the inputs have probably drifted away from the training data")
                .build();
    }
}
