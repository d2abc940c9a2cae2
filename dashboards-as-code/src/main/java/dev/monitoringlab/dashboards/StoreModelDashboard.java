package dev.monitoringlab.dashboards;

import static dev.monitoringlab.dashboards.Common.percentile;
import static dev.monitoringlab.dashboards.Common.quantile;
import static dev.monitoringlab.dashboards.Common.query;
import static dev.monitoringlab.dashboards.Common.rate;
import static dev.monitoringlab.dashboards.Common.series;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.QueryVariableBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.RowBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.StringOrArrayOfString;
import dev.monitoringlab.dashboards.foundation.dashboard.StringOrMap;
import dev.monitoringlab.dashboards.foundation.dashboard.Threshold;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfigBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsMode;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableOption;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableRefresh;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableSort;
import dev.monitoringlab.dashboards.foundation.timeseries.TimeseriesPanelBuilder;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import dev.monitoringlab.models.InputSpec;
import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.rules.StoreModelAccuracyRules;
import dev.monitoringlab.rules.StoreModelDriftRules;
import dev.monitoringlab.rules.StoreModelRules;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The models the store model service serves: what each is asked (inputs), what it answers (classes, the share of
 * its class with code 1 with the StoreSuccessRateLow threshold), whether that still matches training (drift of each
 * input and of the outputs, accuracy on the labels that came back) and how it serves (latency, rejections).
 * <p>
 * Generated from the model repository's descriptors: one row per model with its class share and one drift panel
 * per input of its descriptor, so a model folder added to the repository gets its panels at the next build. A
 * {@code model} variable (every value of the predictions counter's {@code model} label, "All" by default) narrows
 * every query; a service that exports without the label shows under "All".
 */
public final class StoreModelDashboard {
    public static final String UID = "store-model";
    public static final String MODEL_VARIABLE = "model";
    private static final int COLUMNS = 24;
    private static final int PER_LINE = 3;
    private static final int PER_MODEL_SPAN = COLUMNS / PER_LINE;

    private final MonitoringSettings settings;
    private final List<ModelSpec> models;
    private final String store;
    private final String picked = Common.matcher(MetricNames.MODEL, "=~", "$" + MODEL_VARIABLE);

    /** For the committed models ({@link Models#committed()}). */
    public StoreModelDashboard(MonitoringSettings settings) {
        this(settings, Models.committed());
    }

    public StoreModelDashboard(MonitoringSettings settings, List<ModelSpec> models) {
        this.settings = settings;
        this.models = List.copyOf(models);
        this.store = settings.selector(Setting.STORE_MODEL_SELECTOR);
    }

    public Dashboard build() {
        DashboardBuilder b = Common.dashboard(UID, "Store model",
                        "Inputs, predictions, drift, accuracy and serving health of every model the store model"
                                + " service serves, with the thresholds of their alerts.", "store-model")
                .withVariable(modelVariable(settings))
                .withRow(new RowBuilder("Predictions"))
                .withPanel(predictionsPerClass())
                .withPanel(outputDrift())
                .withPanel(accuracy())
                .withPanel(probabilityQuantiles());
        for (ModelSpec model : models) {
            b = b.withRow(new RowBuilder("Model " + model.name()));
            List<TimeseriesPanelBuilder> panels = new ArrayList<>();
            panels.add(successShare(model));
            model.inputs().forEach(input -> panels.add(inputDrift(model, input)));
            // three a line; the last one fills its line, so that the next row starts on a fresh one
            for (int i = 0; i < panels.size(); i++) {
                int span = i < panels.size() - 1 ? PER_MODEL_SPAN : COLUMNS - (i % PER_LINE) * PER_MODEL_SPAN;
                b = b.withPanel(panels.get(i).span(span));
            }
        }
        return b.withRow(new RowBuilder("The store model's own series"))
                .withPanel(lastInputs().span(PER_MODEL_SPAN))
                .withPanel(inputQuantiles("Customers per request", "store_model_input_customers").span(PER_MODEL_SPAN))
                .withPanel(inputQuantiles("Items per request", "store_model_input_items").span(PER_MODEL_SPAN))
                .withRow(new RowBuilder("Serving"))
                .withPanel(latency())
                .withPanel(rejected())
                .withPanel(requestsByStatus())
                .build();
    }

    /** The {@code model} variable, shared with the SLO dashboard. */
    static QueryVariableBuilder modelVariable(MonitoringSettings settings) {
        String query = "label_values(" + series(MetricNames.PREDICTIONS, settings.selector(Setting.STORE_MODEL_SELECTOR))
                + ", " + MetricNames.MODEL + ")";
        // Start on "All" (any value, the label absent included) so a fresh dashboard shows every model.
        VariableOption all = new VariableOption(true, StringOrArrayOfString.createArrayOfString(List.of("All")),
                StringOrArrayOfString.createArrayOfString(List.of(HostDashboard.ALL)));
        return new QueryVariableBuilder(MODEL_VARIABLE)
                .label("Model")
                .description("Models of the store model service (the model label of " + MetricNames.PREDICTIONS + ")")
                .datasource(Common.prometheus())
                .query(StringOrMap.createString(query))
                .definition(query)
                .refresh(VariableRefresh.ON_TIME_RANGE_CHANGED)
                .sort(VariableSort.ALPHABETICAL_ASC)
                .multi(true)
                .includeAll(true)
                .allValue(".*")
                .current(all)
                .options(List.of());
    }

    /** StoreSuccessRateLow's expression for one model without its comparison: class-1 / all predictions. */
    String successShareExpr(ModelSpec model) {
        return StoreModelRules.successRatio(settings, model, picked);
    }

    /** The share of class 1; the red line and the alert only where the descriptor asks for them ("share_alert"). */
    TimeseriesPanelBuilder successShare(ModelSpec model) {
        double threshold = settings.storeSuccessThreshold();
        String positive = Models.positiveClass(model);
        String share = "Share of model " + model.name() + "'s predictions of class '" + positive + "' over "
                + settings.promDuration(Setting.STORE_SUCCESS_WINDOW) + ".";
        TimeseriesPanelBuilder panel = Common.timeseries("Class share: " + model.name(), !model.watchesShare()
                        ? share + " No alert watches it (its descriptor has no share_alert)."
                        : share + " StoreSuccessRateLow fires after " + settings.promDuration(Setting.STORE_SUCCESS_FOR)
                                + " below the red line (" + Common.percent(threshold) + " %).")
                .withTarget(query(successShareExpr(model), positive + " share"))
                .unit(Constants.PercentUnit)
                .min(0.0)
                .max(1.0)
                .decimals(1.0);
        return !model.watchesShare() ? panel
                : panel.thresholds(Common.redLineAt(threshold)).thresholdsStyle(Common.thresholdLine());
    }

    TimeseriesPanelBuilder inputDrift(ModelSpec model, InputSpec input) {
        String what = input.description() == null ? input.name() : input.name() + " (" + input.description() + ")";
        return driftPanel("Input drift: " + model.name() + " / " + input.name(), "Population Stability Index of "
                        + what + " over the service's drift window (" + settings.promDuration(Setting.STORE_DRIFT_WINDOW)
                        + ") against the training data of the version that answers. StoreModelInputDrift fires after "
                        + settings.promDuration(Setting.STORE_DRIFT_FOR) + " above the red line.",
                StoreModelDriftRules.inputDrift(settings, model, input, picked), input.name());
    }

    TimeseriesPanelBuilder outputDrift() {
        return driftPanel("Output drift", "Population Stability Index of each model's outputs (the predicted"
                        + " probability; the label by class) against training. StoreModelOutputDrift fires after "
                        + settings.promDuration(Setting.STORE_DRIFT_FOR) + " above the red line.",
                Common.series(MetricNames.OUTPUT_DRIFT, store, picked), "{{model}} {{output}}");
    }

    /** A PSI over time, yellow line at the moderate and red line at the significant shift (the alert's threshold). */
    private TimeseriesPanelBuilder driftPanel(String title, String description, String expr, String legend) {
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

    TimeseriesPanelBuilder accuracy() {
        return Common.timeseries("Accuracy on labelled predictions",
                        "Share of the predictions labelled through /feedback over "
                                + settings.promDuration(Setting.STORE_ACCURACY_WINDOW) + " that were correct, and the"
                                + " line StoreModelAccuracyLow watches: the model's held-out accuracy minus "
                                + number(Setting.STORE_ACCURACY_MARGIN) + " (it fires after "
                                + settings.promDuration(Setting.STORE_ACCURACY_FOR) + " below it, with at least "
                                + settings.raw(Setting.STORE_ACCURACY_MIN_LABELS).trim() + " labels).")
                .withTarget(query(StoreModelAccuracyRules.accuracy(settings, picked), "{{model}} {{version}} accuracy"))
                .withTarget(query(StoreModelAccuracyRules.threshold(settings, picked),
                        "{{model}} {{version}} alert threshold"))
                .unit(Constants.PercentUnit)
                .min(0.0)
                .max(1.0)
                .decimals(1.0);
    }

    private String number(Setting setting) {
        return Common.number(settings.number(setting));
    }

    TimeseriesPanelBuilder predictionsPerClass() {
        return Common.timeseries("Predictions per second by class",
                        "rate() of store_model_predictions_total, one series per model and predicted class.")
                .withTarget(query("sum by (model, class) (" + rate(MetricNames.PREDICTIONS, store, picked) + ")",
                        "{{model}} {{class}}"))
                .unit(Constants.OpsPerSecond)
                .min(0.0);
    }

    TimeseriesPanelBuilder lastInputs() {
        return Common.timeseries("Last request: customers and items",
                        "The inputs of the latest prediction request (gauges store_model_last_customers, store_model_last_items).")
                .withTarget(query(series("store_model_last_customers", store, picked), "customers"))
                .withTarget(query(series("store_model_last_items", store, picked), "items"))
                .unit(Constants.Short)
                .min(0.0);
    }

    TimeseriesPanelBuilder probabilityQuantiles() {
        String histogram = "store_model_prediction_probability";
        return Common.timeseries("Predicted probability of success",
                        "Quantiles of the histogram store_model_prediction_probability over the rate window.")
                .withTarget(query(quantile(0.1, histogram, store, picked), percentile(0.1)))
                .withTarget(query(quantile(0.5, histogram, store, picked), percentile(0.5)))
                .withTarget(query(quantile(0.9, histogram, store, picked), percentile(0.9)))
                .unit(Constants.PercentUnit)
                .min(0.0)
                .max(1.0);
    }

    TimeseriesPanelBuilder inputQuantiles(String title, String histogram) {
        return Common.timeseries(title,
                        "10th, 50th and 90th percentile of the histogram " + histogram + " over the rate window.")
                .withTarget(query(quantile(0.1, histogram, store, picked), percentile(0.1)))
                .withTarget(query(quantile(0.5, histogram, store, picked), percentile(0.5)))
                .withTarget(query(quantile(0.9, histogram, store, picked), percentile(0.9)))
                .unit(Constants.Short)
                .min(0.0);
    }

    TimeseriesPanelBuilder latency() {
        String histogram = "store_model_http_request_duration_seconds";
        return Common.timeseries("Request latency",
                        "Median and 99th percentile of the HTTP request duration, all routes together.")
                .withTarget(query(quantile(0.5, histogram, store, picked), percentile(0.5)))
                .withTarget(query(quantile(0.99, histogram, store, picked), percentile(0.99)))
                .unit(Constants.Seconds)
                .min(0.0)
                .span(8);
    }

    TimeseriesPanelBuilder rejected() {
        return Common.timeseries("Rejected requests by reason",
                        "rate() of store_model_rejected_requests_total: invalid input, one series per reason.")
                .withTarget(query("sum by (reason) (" + rate("store_model_rejected_requests_total", store, picked) + ")",
                        "{{reason}}"))
                .unit(Constants.RequestsPerSecond)
                .min(0.0)
                .span(8);
    }

    TimeseriesPanelBuilder requestsByStatus() {
        return Common.timeseries("Requests by route and status",
                        "rate() of store_model_http_requests_total per route and HTTP status.")
                .withTarget(query("sum by (route, status) (" + rate("store_model_http_requests_total", store, picked) + ")",
                        "{{route}} {{status}}"))
                .unit(Constants.RequestsPerSecond)
                .min(0.0)
                .span(8);
    }
}
