package dev.monitoringlab.serving.metrics;

import dev.monitoringlab.http.HttpServer;
import dev.monitoringlab.http.HttpServerMetrics;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.model.ModelDescriptor;
import dev.monitoringlab.serving.model.Prediction;
import dev.monitoringlab.serving.model.StoreClass;
import dev.monitoringlab.serving.repository.ServedVersion;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store model's metrics, named as the dashboards and the StoreSuccessRateLow rule expect. Each instance
 * owns its registry, so tests never share state. Data points for fixed label values are looked up once.
 */
public final class PrometheusServingMetrics implements ServingMetrics {
    /** 0.5 ms to 1 s: a prediction takes well under a millisecond, a queue behind a slow machine up to a second. */
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};

    /** The drift window when none is given: the default of the setting store.drift.window. */
    public static final Duration DEFAULT_DRIFT_WINDOW = Duration.ofMinutes(5);
    /** The latency SLO's bound when none is given: the default of the setting store.slo.latency-threshold. */
    public static final Duration DEFAULT_LATENCY_THRESHOLD = Duration.ofMillis(25);
    /** 1 s to 1 day: labels come from people and batch jobs, minutes to hours after the prediction. */
    static final double[] FEEDBACK_DELAY_BUCKETS = {1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200, 21600, 86400};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final Map<StoreClass, CounterDataPoint> predictions = new EnumMap<>(StoreClass.class);
    private final Map<RejectReason, CounterDataPoint> rejects = new EnumMap<>(RejectReason.class);
    /** route -> data points indexed by status - 100, filled on first use; no allocation per request. */
    private final Map<String, RouteStatus[]> routes = new ConcurrentHashMap<>();
    private final Histogram probability;
    private final Gauge lastItems;
    private final Gauge lastCustomers;
    private final Histogram items;
    private final Histogram customers;
    private final Counter requests;
    private final Histogram duration;
    private final DriftMetrics drift;
    private final CounterDataPoint labelledCorrect;
    private final CounterDataPoint labelledWrong;
    private final CounterDataPoint duplicateLabels;
    private final Histogram feedbackDelay;

    private record RouteStatus(CounterDataPoint count, DistributionDataPoint duration) {
    }

    public PrometheusServingMetrics(ModelDescriptor model) {
        this(model, DEFAULT_DRIFT_WINDOW, DEFAULT_LATENCY_THRESHOLD);
    }

    /**
     * {@code driftWindow}: how much recent traffic the drift scores compare with the training data (null: no
     * drift scores, for the benchmark's comparison); {@code latencyThreshold}: the latency SLO's bound, made a
     * bucket bound so the SLO's ratio is exact.
     */
    public PrometheusServingMetrics(ModelDescriptor model, Duration driftWindow, Duration latencyThreshold) {
        drift = driftWindow == null ? null : new DriftMetrics(model, driftWindow, registry);
        Counter predictionCounter = Counter.builder()
                .name("store_model_predictions_total")
                .help("Predictions made, by predicted class")
                .labelNames("class")
                .withoutExemplars()
                .register(registry);
        for (StoreClass c : StoreClass.values()) {
            predictions.put(c, predictionCounter.labelValues(c.displayName()));
        }
        probability = Histogram.builder()
                .name("store_model_prediction_probability")
                .help("Predicted probability of the class successful")
                .classicOnly()
                .classicLinearUpperBounds(0.1, 0.1, 10)
                .withoutExemplars()
                .register(registry);
        // not *_count: that suffix belongs to histograms and summaries (promtool check metrics)
        lastItems = Gauge.builder()
                .name("store_model_last_items")
                .help("items_count of the last record predicted")
                .withoutExemplars()
                .register(registry);
        lastCustomers = Gauge.builder()
                .name("store_model_last_customers")
                .help("customers_count of the last record predicted")
                .withoutExemplars()
                .register(registry);
        // buckets at the workshop's training quantiles of the two inputs, evenly spaced: 1000..2750, 200..1600
        items = Histogram.builder()
                .name("store_model_items_count")
                .help("items_count of predicted records; buckets are the training quantiles")
                .classicOnly()
                .classicLinearUpperBounds(1000, 250, 8)
                .withoutExemplars()
                .register(registry);
        customers = Histogram.builder()
                .name("store_model_customers_count")
                .help("customers_count of predicted records; buckets are the training quantiles")
                .classicOnly()
                .classicLinearUpperBounds(200, 200, 8)
                .withoutExemplars()
                .register(registry);
        // the dashboards read this counter; the histogram's _count holds the same numbers
        requests = Counter.builder()
                .name("store_model_http_requests_total")
                .help("HTTP requests served, by route and status")
                .labelNames("route", "status")
                .withoutExemplars()
                .register(registry);
        duration = Histogram.builder()
                .name("store_model_http_request_duration_seconds")
                .help("Time from request to response, by route and status")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(latencyBuckets(latencyThreshold))
                .labelNames("route", "status")
                .withoutExemplars()
                .register(registry);
        Counter rejected = Counter.builder()
                .name("store_model_rejected_requests_total")
                .help("Requests turned away with a 4xx, by reason")
                .labelNames("reason")
                .withoutExemplars()
                .register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejects.put(r, rejected.labelValues(r.label()));
        }
        Counter labelled = Counter.builder()
                .name("store_model_labelled_predictions_total")
                .help("Predictions whose true label arrived through /feedback, by outcome (correct, wrong)")
                .labelNames("outcome")
                .withoutExemplars()
                .register(registry);
        labelledCorrect = labelled.labelValues("correct");
        labelledWrong = labelled.labelValues("wrong");
        duplicateLabels = Counter.builder()
                .name("store_model_feedback_duplicates_total")
                .help("Labels sent again for a prediction already labelled; counted here, not in the accuracy")
                .withoutExemplars()
                .register(registry)
                .labelValues();
        feedbackDelay = Histogram.builder()
                .name("store_model_feedback_delay_seconds")
                .help("Time from a prediction to the arrival of its true label")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(FEEDBACK_DELAY_BUCKETS)
                .withoutExemplars()
                .register(registry);
        // a gauge rather than the info label, so StoreModelAccuracyLow can subtract its margin from it
        Gauge.builder()
                .name("store_model_heldout_accuracy")
                .help("Accuracy of the served model on its held-out data at training, from descriptor.json")
                .withoutExemplars()
                .register(registry)
                .set(model.metrics().accuracy());
        Info info = Info.builder()
                .name("store_model_info")
                .help("The model being served: version, library, training data and held-out quality")
                .labelNames("version", "library", "library_version", "training_data_sha256", "accuracy", "roc_auc")
                .register(registry);
        info.setLabelValues(model.version(), model.library(), model.libraryVersion(),
                model.trainingData().sha256(), String.valueOf(model.metrics().accuracy()),
                String.valueOf(model.metrics().rocAuc()));
    }

    @Override
    public void prediction(int itemsCount, int customersCount, Prediction prediction) {
        predictions.get(prediction.storeClass()).inc();
        probability.observe(prediction.probability());
        lastItems.set(itemsCount);
        lastCustomers.set(customersCount);
        items.observe(itemsCount);
        customers.observe(customersCount);
        if (drift != null) {
            drift.observe(itemsCount, customersCount, prediction.probability());
        }
    }

    @Override
    public void request(String route, int status, long durationNanos) {
        RouteStatus[] byStatus = routes.computeIfAbsent(route, k -> new RouteStatus[500]);
        int i = Math.floorMod(status - 100, 500);
        RouteStatus rs = byStatus[i];
        if (rs == null) {
            // a benign race: two threads may both create it; labelValues returns the same data points
            rs = new RouteStatus(requests.labelValues(route, Integer.toString(status)),
                    duration.labelValues(route, Integer.toString(status)));
            byStatus[i] = rs;
        }
        rs.count().inc();
        rs.duration().observe(Unit.nanosToSeconds(durationNanos));
    }

    @Override
    public void inferred(ServedVersion version, double[] rows, int n, double[] probabilities) {
        // per-model series: see the model-repository contract (added with the model and version labels)
    }

    @Override
    public void loaded(ServedVersion version, ServedVersion replaced) {
    }

    @Override
    public void refused(String model, String version, String reason) {
    }

    @Override
    public void rejected(RejectReason reason) {
        rejects.get(reason).inc();
    }

    @Override
    public void labelled(FeedbackStore.Outcome outcome, double delaySeconds) {
        switch (outcome) {
            case CORRECT -> labelledCorrect.inc();
            case WRONG -> labelledWrong.inc();
            case DUPLICATE -> duplicateLabels.inc();
            default -> {
                return; // not counted: the label was refused
            }
        }
        if (outcome != FeedbackStore.Outcome.DUPLICATE) {
            feedbackDelay.observe(delaySeconds);
        }
    }

    /** The standard latency bounds plus the SLO's threshold, sorted, without a repeated bound. */
    static double[] latencyBuckets(Duration threshold) {
        double t = threshold.toNanos() / 1e9;
        return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(LATENCY_BUCKETS),
                java.util.stream.DoubleStream.of(t)).distinct().sorted().toArray();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void connections(HttpServer server) {
        HttpServerMetrics.register(registry, "store_model", server);
    }

    @Override
    public String scrape(String acceptHeader, OutputStream out) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
        writer.write(out, registry.scrape());
        return writer.getContentType();
    }

    /** For tests: the registry this instance writes to. */
    public PrometheusRegistry registry() {
        return registry;
    }
}
