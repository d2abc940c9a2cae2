package dev.monitoringlab.dashboards;

import static dev.monitoringlab.dashboards.Common.query;
import static dev.monitoringlab.dashboards.Common.series;

import dev.monitoringlab.dashboards.foundation.common.VisibilityMode;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.timeseries.TimeseriesPanelBuilder;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;

/**
 * Lab 7.3: the model mock's {@code model_result} over the last 15 minutes, refreshed every 5 s, with a red
 * line at the ModelMockHighAccuracy threshold; plus the mock's counter and histogram (the lab's extension
 * "another metric type on the dashboard").
 */
public final class ModelMockDashboard {
    public static final String UID = "model-mock";

    private final MonitoringSettings settings;
    /** Label matchers of the mock's series; empty by default, as the lab queries plain {@code model_result}. */
    private final String mock;

    public ModelMockDashboard(MonitoringSettings settings) {
        this.settings = settings;
        this.mock = settings.selector(Setting.MODEL_MOCK_SELECTOR);
    }

    public Dashboard build() {
        return Common.dashboard(UID, "Model mock",
                        "The model mock's result (lab 7.3) with the ModelMockHighAccuracy threshold.", "model-mock")
                .withPanel(modelResult())
                .withPanel(updateRate())
                .withPanel(resultQuantiles())
                .build();
    }

    TimeseriesPanelBuilder modelResult() {
        double threshold = settings.modelMockThreshold();
        return Common.timeseries("Model result",
                        "The gauge model_result; the red line is the ModelMockHighAccuracy threshold ("
                                + Common.number(threshold) + "): above it the alert fires.")
                .withTarget(query(series("model_result", mock), "model_result"))
                .min(0.0)
                .max(1.0)
                .decimals(2.0)
                .thresholds(Common.redLineAt(threshold))
                .thresholdsStyle(Common.thresholdLine())
                .showPoints(VisibilityMode.ALWAYS)
                .span(24)
                .height(10);
    }

    TimeseriesPanelBuilder updateRate() {
        return Common.timeseries("Result updates per second",
                        "rate() of the counter model_result_updates_total: how often the mock publishes a result.")
                .withTarget(query(Common.rate("model_result_updates_total", mock), "updates/s"))
                .unit(Constants.OpsPerSecond)
                .min(0.0);
    }

    TimeseriesPanelBuilder resultQuantiles() {
        double threshold = settings.modelMockThreshold();
        String histogram = "model_result_value";
        return Common.timeseries("Result distribution (histogram quantiles)",
                        "Median and 90th percentile of the histogram model_result_value over the rate window, "
                                + "with the same threshold line.")
                .withTarget(query(Common.quantile(0.5, histogram, mock), Common.percentile(0.5)))
                .withTarget(query(Common.quantile(0.9, histogram, mock), Common.percentile(0.9)))
                .min(0.0)
                .max(1.0)
                .decimals(2.0)
                .thresholds(Common.redLineAt(threshold))
                .thresholdsStyle(Common.thresholdLine());
    }
}
