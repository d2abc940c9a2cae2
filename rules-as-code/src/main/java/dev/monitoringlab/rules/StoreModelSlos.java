package dev.monitoringlab.rules;

import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.rules.slo.BurnRateTier;
import dev.monitoringlab.rules.slo.Slo;
import dev.monitoringlab.rules.slo.SloRules;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * The objectives of every model the store model service serves: predictions answered without a server error, and
 * answered fast. Both are measured from the request duration histogram (its {@code _count} counts the requests),
 * so they need no metric of their own.
 * <p>
 * One set of rules for all models: every ratio is summed {@code by (model)}, so each model has its own recorded
 * ratios, budget and burn-rate alerts (label {@code model}), and the versions of a model add up (a version change
 * neither resets nor splits the budget). Nothing comes from the descriptors. A service that exports without
 * {@code model} yields one series with the label empty, as before.
 */
public final class StoreModelSlos {
    public static final String GROUP = "store-model-slo";
    public static final String AVAILABILITY = "store-model-availability";
    public static final String LATENCY = "store-model-latency";
    /** The routes that answer predictions: the workshop's API and the Open Inference Protocol's infer, as templates. */
    public static final String PREDICTION_ROUTES = "/predict|/v2/models/\\\\{name\\\\}/infer";
    private static final String DURATION = MetricNames.HTTP_DURATION;
    private static final String BY_MODEL = "sum by (" + MetricNames.MODEL + ") ";

    private StoreModelSlos() {
    }

    public static RuleGroup group(MonitoringSettings s) {
        return SloRules.group(GROUP, List.of(availability(s), latency(s)));
    }

    public static Slo availability(MonitoringSettings s) {
        return Slo.builder(AVAILABILITY)
                .alertName("StoreModelAvailabilityBudgetBurn")
                .description("/predict answered without a 5xx")
                .objective(s.number(Setting.STORE_SLO_AVAILABILITY))
                .period(s.duration(Setting.STORE_SLO_PERIOD))
                // "or 0 * all": a model that never failed has no 5xx series at all, and its ratio is 0, not empty
                .errorRatio(w -> "(\n  " + BY_MODEL + "(rate(" + predict(s, DURATION + "_count", "status=~\"5..\"") + "["
                        + w + "]))\n  or 0 * " + BY_MODEL + "(rate(" + predict(s, DURATION + "_count") + "[" + w
                        + "]))\n)\n/\n" + BY_MODEL + "(rate(" + predict(s, DURATION + "_count") + "[" + w + "]))")
                .tiers(BurnRateTier.FAST, BurnRateTier.SLOW, BurnRateTier.STEADY)
                .label("component", StoreModelRules.COMPONENT)
                .build();
    }

    public static Slo latency(MonitoringSettings s) {
        return Slo.builder(LATENCY)
                .alertName("StoreModelLatencyBudgetBurn")
                .description("/predict answered within " + s.promDuration(Setting.STORE_SLO_LATENCY_THRESHOLD))
                .objective(s.number(Setting.STORE_SLO_LATENCY))
                .period(s.duration(Setting.STORE_SLO_PERIOD))
                .errorRatio(w -> "1 - (\n  " + BY_MODEL + "(rate(" + predict(s, DURATION + "_bucket", "le=\""
                        + latencyBound(s) + "\"") + "[" + w + "]))\n  /\n  " + BY_MODEL + "(rate("
                        + predict(s, DURATION + "_count") + "[" + w + "]))\n)")
                .tiers(BurnRateTier.FAST, BurnRateTier.SLOW, BurnRateTier.STEADY)
                .label("component", StoreModelRules.COMPONENT)
                .build();
    }

    /** The latency threshold in seconds as the service writes its bucket's {@code le} label (25ms is "0.025"). */
    public static String latencyBound(MonitoringSettings s) {
        return Double.toString(s.duration(Setting.STORE_SLO_LATENCY_THRESHOLD).toNanos() / 1e9);
    }

    private static String predict(MonitoringSettings s, String metric, String... matchers) {
        String[] all = new String[matchers.length + 2];
        all[0] = s.selector(Setting.STORE_MODEL_SELECTOR);
        all[1] = "route=~\"" + PREDICTION_ROUTES + "\"";
        System.arraycopy(matchers, 0, all, 2, matchers.length);
        return Promql.series(metric, all);
    }
}
