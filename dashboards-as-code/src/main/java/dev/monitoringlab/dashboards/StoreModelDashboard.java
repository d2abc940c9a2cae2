package dev.monitoringlab.dashboards;

import static dev.monitoringlab.dashboards.Common.percentile;
import static dev.monitoringlab.dashboards.Common.quantile;
import static dev.monitoringlab.dashboards.Common.query;
import static dev.monitoringlab.dashboards.Common.rate;
import static dev.monitoringlab.dashboards.Common.series;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.RowBuilder;
import dev.monitoringlab.dashboards.foundation.timeseries.PanelBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.Threshold;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfigBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsMode;
import dev.monitoringlab.rules.StoreModelAccuracyRules;
import dev.monitoringlab.rules.StoreModelRules;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * The store model service: what it is asked (inputs), what it answers (classes, success share with the
 * StoreSuccessRateLow threshold), whether that still matches training (drift of each input and of the output,
 * accuracy on the labels that came back) and how it serves (latency, rejections). Metric names are the service's.
 */
public final class StoreModelDashboard {
    public static final String UID = "store-model";
    /** The model's input features, as the service labels their drift scores (descriptor.json, featureNames). */
    static final List<String> FEATURES = List.of("customers_count", "items_count");

    private final MonitoringSettings settings;
    private final String store;

    public StoreModelDashboard(MonitoringSettings settings) {
        this.settings = settings;
        this.store = settings.selector(Setting.STORE_MODEL_SELECTOR);
    }

    public Dashboard build() {
        return Common.dashboard(UID, "Store model",
                        "Inputs, predictions, drift, accuracy and serving health of the store model service, with"
                                + " the thresholds of its alerts.", "store-model")
                .withRow(new RowBuilder("Predictions"))
                .withPanel(successShare())
                .withPanel(inputDrift(FEATURES.get(0)))
                .withPanel(inputDrift(FEATURES.get(1)))
                .withPanel(outputDrift())
                .withPanel(accuracy())
                .withPanel(predictionsPerClass())
                .withPanel(lastInputs())
                .withPanel(probabilityQuantiles())
                .withRow(new RowBuilder("Input distributions"))
                .withPanel(inputQuantiles("Customers per request", "store_model_customers_count"))
                .withPanel(inputQuantiles("Items per request", "store_model_items_count"))
                .withRow(new RowBuilder("Serving"))
                .withPanel(latency())
                .withPanel(rejected())
                .withPanel(requestsByStatus())
                .build();
    }

    /** StoreSuccessRateLow's expression without its comparison: successful / all predictions. */
    String successShareExpr() {
        return StoreModelRules.successRatio(settings);
    }

    PanelBuilder successShare() {
        double threshold = settings.storeSuccessThreshold();
        return Common.timeseries("Successful predictions",
                        "Share of predictions of class 'successful' over "
                                + settings.promDuration(Setting.STORE_SUCCESS_WINDOW)
                                + ". StoreSuccessRateLow fires after " + settings.promDuration(Setting.STORE_SUCCESS_FOR)
                                + " below the red line (" + Common.percent(threshold) + " %).")
                .withTarget(query(successShareExpr(), "successful share"))
                .unit(Constants.PercentUnit)
                .min(0.0)
                .max(1.0)
                .decimals(1.0)
                .thresholds(Common.redLineAt(threshold))
                .thresholdsStyle(Common.thresholdLine());
    }

    PanelBuilder inputDrift(String feature) {
        return driftPanel("Input drift: " + feature, "Population Stability Index of " + feature + " over the"
                        + " service's drift window (" + settings.promDuration(Setting.STORE_DRIFT_WINDOW) + ") against"
                        + " the training data. StoreModelInputDrift fires after "
                        + settings.promDuration(Setting.STORE_DRIFT_FOR) + " above the red line.",
                Common.series("store_model_input_drift_psi", store, Common.matcher("feature", "=", feature)), feature);
    }

    PanelBuilder outputDrift() {
        return driftPanel("Output drift: predicted probability", "Population Stability Index of the predicted"
                        + " probability against training. StoreModelOutputDrift fires after "
                        + settings.promDuration(Setting.STORE_DRIFT_FOR) + " above the red line.",
                Common.series("store_model_output_drift_psi", store), "probability");
    }

    /** A PSI over time, yellow line at the moderate and red line at the significant shift (the alert's threshold). */
    private PanelBuilder driftPanel(String title, String description, String expr, String legend) {
        return Common.timeseries(title, description + " Below " + number(Setting.STORE_DRIFT_MODERATE)
                        + " stable, up to " + number(Setting.STORE_DRIFT_THRESHOLD) + " moderate, above significant.")
                .withTarget(query(expr, legend))
                .unit(Constants.Short)
                .min(0.0)
                .decimals(2.0)
                .thresholds(new ThresholdsConfigBuilder()
                        .mode(ThresholdsMode.ABSOLUTE)
                        .steps(List.of(new Threshold(null, "green"),
                                new Threshold(settings.number(Setting.STORE_DRIFT_MODERATE), "yellow"),
                                new Threshold(settings.number(Setting.STORE_DRIFT_THRESHOLD), "red"))))
                .thresholdsStyle(Common.thresholdLine());
    }

    PanelBuilder accuracy() {
        return Common.timeseries("Accuracy on labelled predictions",
                        "Share of the predictions labelled through /feedback over "
                                + settings.promDuration(Setting.STORE_ACCURACY_WINDOW) + " that were correct, and the"
                                + " line StoreModelAccuracyLow watches: the model's held-out accuracy minus "
                                + number(Setting.STORE_ACCURACY_MARGIN) + " (it fires after "
                                + settings.promDuration(Setting.STORE_ACCURACY_FOR) + " below it, with at least "
                                + settings.raw(Setting.STORE_ACCURACY_MIN_LABELS).trim() + " labels).")
                .withTarget(query(StoreModelAccuracyRules.accuracy(settings), "accuracy"))
                .withTarget(query(StoreModelAccuracyRules.threshold(settings), "alert threshold"))
                .unit(Constants.PercentUnit)
                .min(0.0)
                .max(1.0)
                .decimals(1.0);
    }

    private String number(Setting setting) {
        return Common.number(settings.number(setting));
    }

    PanelBuilder predictionsPerClass() {
        return Common.timeseries("Predictions per second by class",
                        "rate() of store_model_predictions_total, one series per predicted class.")
                .withTarget(query("sum by (class) (" + rate("store_model_predictions_total", store) + ")",
                        "{{class}}"))
                .unit(Constants.OpsPerSecond)
                .min(0.0);
    }

    PanelBuilder lastInputs() {
        return Common.timeseries("Last request: customers and items",
                        "The inputs of the latest prediction request (gauges store_model_last_customers, store_model_last_items).")
                .withTarget(query(series("store_model_last_customers", store), "customers"))
                .withTarget(query(series("store_model_last_items", store), "items"))
                .unit(Constants.Short)
                .min(0.0);
    }

    PanelBuilder probabilityQuantiles() {
        String histogram = "store_model_prediction_probability";
        return Common.timeseries("Predicted probability of success",
                        "Quantiles of the histogram store_model_prediction_probability over the rate window.")
                .withTarget(query(quantile(0.1, histogram, store), percentile(0.1)))
                .withTarget(query(quantile(0.5, histogram, store), percentile(0.5)))
                .withTarget(query(quantile(0.9, histogram, store), percentile(0.9)))
                .unit(Constants.PercentUnit)
                .min(0.0)
                .max(1.0);
    }

    PanelBuilder inputQuantiles(String title, String histogram) {
        return Common.timeseries(title,
                        "10th, 50th and 90th percentile of the histogram " + histogram + " over the rate window.")
                .withTarget(query(quantile(0.1, histogram, store), percentile(0.1)))
                .withTarget(query(quantile(0.5, histogram, store), percentile(0.5)))
                .withTarget(query(quantile(0.9, histogram, store), percentile(0.9)))
                .unit(Constants.Short)
                .min(0.0);
    }

    PanelBuilder latency() {
        String histogram = "store_model_http_request_duration_seconds";
        return Common.timeseries("Request latency",
                        "Median and 99th percentile of the HTTP request duration, all routes together.")
                .withTarget(query(quantile(0.5, histogram, store), percentile(0.5)))
                .withTarget(query(quantile(0.99, histogram, store), percentile(0.99)))
                .unit(Constants.Seconds)
                .min(0.0)
                .span(8);
    }

    PanelBuilder rejected() {
        return Common.timeseries("Rejected requests by reason",
                        "rate() of store_model_rejected_requests_total: invalid input, one series per reason.")
                .withTarget(query("sum by (reason) (" + rate("store_model_rejected_requests_total", store) + ")",
                        "{{reason}}"))
                .unit(Constants.RequestsPerSecond)
                .min(0.0)
                .span(8);
    }

    PanelBuilder requestsByStatus() {
        return Common.timeseries("Requests by route and status",
                        "rate() of store_model_http_requests_total per route and HTTP status.")
                .withTarget(query("sum by (route, status) (" + rate("store_model_http_requests_total", store) + ")",
                        "{{route}} {{status}}"))
                .unit(Constants.RequestsPerSecond)
                .min(0.0)
                .span(8);
    }
}
