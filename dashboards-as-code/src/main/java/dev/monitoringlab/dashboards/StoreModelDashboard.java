package dev.monitoringlab.dashboards;

import static dev.monitoringlab.dashboards.Common.percentile;
import static dev.monitoringlab.dashboards.Common.quantile;
import static dev.monitoringlab.dashboards.Common.query;
import static dev.monitoringlab.dashboards.Common.rate;
import static dev.monitoringlab.dashboards.Common.series;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.RowBuilder;
import dev.monitoringlab.dashboards.foundation.timeseries.PanelBuilder;
import dev.monitoringlab.rules.StoreModelRules;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;

/**
 * The store model service: what it is asked (inputs), what it answers (classes, success share with the
 * StoreSuccessRateLow threshold) and how it serves (latency, rejections). Metric names are the service's.
 */
public final class StoreModelDashboard {
    public static final String UID = "store-model";

    private final MonitoringSettings settings;
    private final String store;

    public StoreModelDashboard(MonitoringSettings settings) {
        this.settings = settings;
        this.store = settings.selector(Setting.STORE_MODEL_SELECTOR);
    }

    public Dashboard build() {
        return Common.dashboard(UID, "Store model",
                        "Inputs, predictions and serving health of the store model service, with the "
                                + "StoreSuccessRateLow threshold.", "store-model")
                .withRow(new RowBuilder("Predictions"))
                .withPanel(successShare())
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
                        "The inputs of the latest prediction request (gauges store_model_last_*_count).")
                .withTarget(query(series("store_model_last_customers_count", store), "customers"))
                .withTarget(query(series("store_model_last_items_count", store), "items"))
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
