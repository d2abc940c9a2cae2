package dev.monitoringlab.rules.slo;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RecordingRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.PromDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Recording rules and multi-window, multi-burn-rate alerts for one {@link Slo}, after the SRE workbook:
 * <ul>
 * <li>{@code slo:sli_error:ratio_rate<W>{slo="..."}} the bad share of events over every window W a tier uses,
 * and over the SLO period;</li>
 * <li>{@code slo:error_budget_remaining:ratio{slo="..."}} 1 minus the share of the period's budget spent;</li>
 * <li>one alert per tier, all under the SLO's alert name, told apart by {@code long_window}/{@code short_window}
 * and {@code severity}: both windows must burn faster than the tier's factor times the budget.</li>
 * </ul>
 * No traffic means 0/0, so the ratios are empty and nothing fires: an idle service spends no budget.
 */
public final class SloRules {
    public static final String ERROR_RATIO = "slo:sli_error:ratio_rate";
    public static final String BUDGET_REMAINING = "slo:error_budget_remaining:ratio";

    private SloRules() {
    }

    public static RuleGroup group(String groupName, List<Slo> slos) {
        List<RecordingRule> records = new ArrayList<>();
        List<AlertRule> alerts = new ArrayList<>();
        for (Slo slo : slos) {
            records.addAll(recordingRules(slo));
            for (BurnRateTier tier : slo.tiers()) {
                alerts.add(alert(slo, tier));
            }
        }
        return new RuleGroup(groupName, records, alerts);
    }

    /** The series name of the bad share over {@code window}, e.g. {@code slo:sli_error:ratio_rate5m}. */
    public static String errorRatioSeries(Duration window) {
        return ERROR_RATIO + PromDuration.format(window);
    }

    static List<RecordingRule> recordingRules(Slo slo) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (BurnRateTier t : slo.tiers()) {
            windows.add(t.shortWindow());
            windows.add(t.longWindow());
        }
        windows.add(slo.period());
        Map<String, String> labels = Map.of("slo", slo.name());
        List<RecordingRule> out = new ArrayList<>();
        for (Duration w : windows) {
            out.add(new RecordingRule(errorRatioSeries(w), slo.errorRatio().apply(PromDuration.format(w)), labels));
        }
        out.add(new RecordingRule(BUDGET_REMAINING, "1 - " + errorRatioSeries(slo.period()) + "{slo=\"" + slo.name()
                + "\"} / " + number(slo.errorBudget()), labels));
        return out;
    }

    static AlertRule alert(Slo slo, BurnRateTier tier) {
        String threshold = number(tier.factor() * slo.errorBudget());
        String sel = "{slo=\"" + slo.name() + "\"}";
        String longW = PromDuration.format(tier.longWindow());
        String shortW = PromDuration.format(tier.shortWindow());
        AlertRule.Builder b = AlertRule.builder(slo.alertName())
                .expr(errorRatioSeries(tier.longWindow()) + sel + " > " + threshold + "\nand\n"
                        + errorRatioSeries(tier.shortWindow()) + sel + " > " + threshold)
                .forDuration(PromDuration.format(tier.forDuration()))
                .label("severity", tier.severity())
                .label("slo", slo.name())
                .label("long_window", longW)
                .label("short_window", shortW);
        slo.labels().forEach(b::label);
        return b.summary("SLO " + slo.name() + " burns its error budget " + number(tier.factor()) + "x too fast")
                .description("{{ $value | humanizePercentage }} of events over the last " + longW + " were bad, and the"
                        + " last " + shortW + " burns as fast; the budget is " + percent(slo.errorBudget())
                        + " (objective " + percent(slo.objective()) + " over " + PromDuration.format(slo.period()) + ": "
                        + slo.description() + "). At this rate the budget is gone in " + days(slo.period(), tier.factor())
                        + " instead of " + PromDuration.format(slo.period()))
                .build();
    }

    /** A number as PromQL and people read it: no binary noise (14.4 * 0.005 is 0.072, not 0.07200000000000001). */
    static String number(double v) {
        return new BigDecimal(Double.toString(v)).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }

    private static String percent(double share) {
        return number(share * 100) + "%";
    }

    private static String days(Duration period, double factor) {
        double hours = period.toHours() / factor;
        return hours >= 48 ? number(Math.round(hours / 24 * 10) / 10.0) + " days" : number(Math.round(hours * 10) / 10.0)
                + " hours";
    }
}
