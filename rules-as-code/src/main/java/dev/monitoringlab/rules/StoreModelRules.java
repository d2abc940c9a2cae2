package dev.monitoringlab.rules;

import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-monitoring alerts of every model of the repository: the workshop's alert (the share of the class the
 * descriptor gives code 1, "successful" for the store model, has collapsed), the drift alerts that name the cause
 * (per input and per model), and the accuracy alert that judges each model by the true labels that come later.
 * <p>
 * Which rules are per model and which are one rule for all:
 * <ul>
 * <li>{@code StoreSuccessRateLow}, one per model: the class whose share it watches is a name from the model's
 * descriptor, and a class name of one model may be another's other class, so the expression must pick the model.</li>
 * <li>{@code StoreModelInputDrift}, one per model and input: the annotations say what the input is (its description
 * and unit from the descriptor), and an input no descriptor declares raises nothing.</li>
 * <li>{@code StoreModelOutputDrift}, one per model: a binary classifier's outputs are fixed by its task
 * ({@code label}, {@code probability}), so the series' {@code output} label says all the descriptor would.</li>
 * <li>{@code StoreModelAccuracyLow}, one rule for all models: it compares each model and version with the held-out
 * accuracy that version exports, so it needs nothing from the descriptors ({@link StoreModelAccuracyRules}).</li>
 * </ul>
 * Per-model rules carry the static label {@code model}, so their alerts name the model even from a service that
 * exports without it.
 */
public final class StoreModelRules {
    public static final String GROUP = "store-model";
    public static final String COMPONENT = "store-model";

    private StoreModelRules() {
    }

    public static RuleGroup group(MonitoringSettings s, List<ModelSpec> models) {
        List<AlertRule> rules = new ArrayList<>();
        // only models whose descriptor says a low share of class 1 is a failure ("share_alert": true)
        for (ModelSpec m : models) {
            if (m.watchesShare()) {
                rules.add(successRateLow(s, m));
            }
        }
        for (ModelSpec m : models) {
            m.inputs().forEach(input -> rules.add(StoreModelDriftRules.inputDriftAlert(s, m, input, COMPONENT)));
        }
        for (ModelSpec m : models) {
            rules.add(StoreModelDriftRules.outputDriftAlert(s, m, COMPONENT));
        }
        rules.add(StoreModelAccuracyRules.accuracyLow(s, COMPONENT));
        return new RuleGroup(GROUP, rules);
    }

    /** The workshop model's share of successful predictions, for code that watches the workshop's alert. */
    public static String successRatio(MonitoringSettings s) {
        return successRatio(s, Models.named(Models.WORKSHOP_MODEL));
    }

    /**
     * Share of one model's predictions of its class with code 1 over the settings' window, 0 to 1, summed over
     * instances and versions (a new version continues the share of the old one).
     */
    public static String successRatio(MonitoringSettings s, ModelSpec model) {
        return successRatio(s, model, "");
    }

    /** The same, narrowed further by {@code matchers} (a dashboard's variable). */
    public static String successRatio(MonitoringSettings s, ModelSpec model, String matchers) {
        String sel = s.selector(Setting.STORE_MODEL_SELECTOR);
        String window = s.promDuration(Setting.STORE_SUCCESS_WINDOW);
        String matcher = Models.matcher(model);
        return "sum(rate(" + Promql.series(MetricNames.PREDICTIONS, sel, matcher, matchers, "class=\""
                + Models.positiveClass(model) + "\"") + "[" + window + "])) / sum(rate("
                + Promql.series(MetricNames.PREDICTIONS, sel, matcher, matchers) + "[" + window + "]))";
    }

    static AlertRule successRateLow(MonitoringSettings s, ModelSpec model) {
        double threshold = s.storeSuccessThreshold();
        String percent = String.valueOf(Math.round(threshold * 1000) / 10.0).replaceAll("\\.0$", "");
        String positive = Models.positiveClass(model);
        return AlertRule.builder("StoreSuccessRateLow")
                .expr(successRatio(s, model) + " < " + s.raw(Setting.STORE_SUCCESS_THRESHOLD))
                .forDuration(s.promDuration(Setting.STORE_SUCCESS_FOR))
                .label("severity", "critical")
                .label("component", COMPONENT)
                .label(MetricNames.MODEL, model.name())
                .summary("Share of " + positive + " predictions of model " + model.name() + " is below " + percent + "%")
                .description("Only {{ $value | humanizePercentage }} of the store model's predictions over the last "
                        + s.promDuration(Setting.STORE_SUCCESS_WINDOW) + " were '" + positive + "' (model "
                        + model.name() + ", threshold " + percent + "%): the inputs have probably drifted away from the"
                        + " training data")
                .build();
    }
}
