package dev.monitoringlab.dashboards;

import static dev.monitoringlab.dashboards.Common.query;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.RowBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.Threshold;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfigBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsMode;
import dev.monitoringlab.dashboards.foundation.timeseries.TimeseriesPanelBuilder;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import dev.monitoringlab.rules.StoreModelSlos;
import dev.monitoringlab.rules.slo.BurnRateTier;
import dev.monitoringlab.rules.slo.Slo;
import dev.monitoringlab.rules.slo.SloRules;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.PromDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The store model's service level objectives: per SLO, the error budget left over the period and the burn rate
 * over every window the burn-rate alerts use, with a line at each tier's factor. Reads the SLO recording rules
 * ({@code slo:*}), so the panels show exactly what the alerts compare.
 */
public final class SloDashboard {
    public static final String UID = "store-model-slo";

    private final MonitoringSettings settings;
    private final List<Slo> slos;

    public SloDashboard(MonitoringSettings settings) {
        this.settings = settings;
        this.slos = List.of(StoreModelSlos.availability(settings), StoreModelSlos.latency(settings));
    }

    public Dashboard build() {
        DashboardBuilder b = Common.dashboard(UID, "Store model SLOs",
                "Error budget remaining and burn rate per window of the store model's objectives, with the"
                        + " burn-rate alerts' factors; one series per model (the SLOs are recorded by model).",
                "store-model", "slo")
                .withVariable(StoreModelDashboard.modelVariable(settings));
        for (Slo slo : slos) {
            b = b.withRow(new RowBuilder("SLO " + slo.name() + ": " + Common.percent(slo.objective()) + " % "
                            + slo.description()))
                    .withPanel(budgetRemaining(slo))
                    .withPanel(burnRate(slo));
        }
        return b.build();
    }

    /** 1 - 0.995 as people write it (0.005), not as doubles compute it (0.0050000000000000044). */
    private static String budget(Slo slo) {
        return new java.math.BigDecimal(Double.toString(slo.errorBudget())).round(new java.math.MathContext(10))
                .stripTrailingZeros().toPlainString();
    }

    /** The SLO's recorded series, narrowed to the models picked in the model variable. */
    private static String sel(Slo slo) {
        return "{" + Common.matcher("slo", "=", slo.name()) + ", " + Common.matcher("model", "=~",
                "$" + StoreModelDashboard.MODEL_VARIABLE) + "}";
    }

    TimeseriesPanelBuilder budgetRemaining(Slo slo) {
        return Common.timeseries("Error budget remaining: " + slo.name(),
                        "Share of the error budget (" + Common.percent(slo.errorBudget()) + " % of events over "
                                + PromDuration.format(slo.period()) + ") not yet spent; below the red line it is gone.")
                .withTarget(query(SloRules.BUDGET_REMAINING + sel(slo), "{{model}} remaining"))
                .unit(Constants.PercentUnit)
                .max(1.0)
                .decimals(1.0)
                .thresholds(new ThresholdsConfigBuilder()
                        .mode(ThresholdsMode.ABSOLUTE)
                        .steps(List.of(new Threshold(null, "red"), new Threshold(0.0, "green"))))
                .thresholdsStyle(Common.thresholdLine());
    }

    TimeseriesPanelBuilder burnRate(Slo slo) {
        TreeSet<Duration> windows = new TreeSet<>();
        List<Threshold> steps = new ArrayList<>();
        steps.add(new Threshold(null, "green"));
        String[] colors = {"yellow", "orange", "red"};
        List<BurnRateTier> tiers = slo.tiers().stream()
                .sorted(java.util.Comparator.comparingDouble(BurnRateTier::factor)).toList();
        for (int i = 0; i < tiers.size(); i++) {
            windows.add(tiers.get(i).shortWindow());
            windows.add(tiers.get(i).longWindow());
            steps.add(new Threshold(tiers.get(i).factor(), colors[Math.min(i, colors.length - 1)]));
        }
        TimeseriesPanelBuilder p = Common.timeseries("Burn rate: " + slo.name(),
                "Bad share of events over each window divided by the error budget: 1 spends the budget exactly over"
                        + " the period. Lines at the alert tiers' factors; a tier fires when its long and short window"
                        + " are both above its line.");
        for (Duration w : windows) {
            p = p.withTarget(query(SloRules.errorRatioSeries(w) + sel(slo) + " / " + budget(slo),
                    "{{model}} " + PromDuration.format(w)));
        }
        return p.unit(Constants.Short)
                .min(0.0)
                .decimals(1.0)
                .thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.ABSOLUTE).steps(steps))
                .thresholdsStyle(Common.thresholdLine());
    }
}
