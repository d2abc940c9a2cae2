package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.rules.slo.BurnRateTier;
import dev.monitoringlab.rules.slo.Slo;
import dev.monitoringlab.rules.slo.SloRules;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * The store model service's objectives: /predict answered without a server error, and answered fast. Both are
 * measured from the request duration histogram (its {@code _count} counts the requests), so they need no
 * metric of their own.
 */
public final class StoreModelSlos {
    public static final String GROUP = "store-model-slo";
    public static final String AVAILABILITY = "store-model-availability";
    public static final String LATENCY = "store-model-latency";
    private static final String DURATION = "store_model_http_request_duration_seconds";

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
                // "or vector(0)": a service that never failed has no 5xx series at all, and its ratio is 0, not empty
                .errorRatio(w -> "(sum(rate(" + predict(s, DURATION + "_count", "status=~\"5..\"") + "[" + w + "]))"
                        + " or vector(0))\n/\nsum(rate(" + predict(s, DURATION + "_count") + "[" + w + "]))")
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
                .errorRatio(w -> "1 - (\n  sum(rate(" + predict(s, DURATION + "_bucket", "le=\"" + latencyBound(s) + "\"")
                        + "[" + w + "]))\n  /\n  sum(rate(" + predict(s, DURATION + "_count") + "[" + w + "]))\n)")
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
        all[1] = "route=\"/predict\"";
        System.arraycopy(matchers, 0, all, 2, matchers.length);
        return Promql.series(metric, all);
    }
}
