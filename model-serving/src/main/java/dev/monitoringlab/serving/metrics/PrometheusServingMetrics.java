package dev.monitoringlab.serving.metrics;

import dev.monitoringlab.http.HttpServer;
import dev.monitoringlab.http.HttpServerMetrics;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.model.ModelDescriptor;
import dev.monitoringlab.serving.repository.BundledSpecs;
import dev.monitoringlab.serving.repository.ServedVersion;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
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
    /** model, version, route -> data points indexed by status - 100, filled on first use. */
    private final Map<String, RouteStatus[]> routes = new ConcurrentHashMap<>();
    /** Data points of each version that predicted, looked up once per version. */
    private final Map<ServedVersion, VersionPoints> versions = new ConcurrentHashMap<>();
    private final Counter predictions;
    private final Histogram probability;
    private final Gauge lastItems;
    private final Gauge lastCustomers;
    private final Histogram items;
    private final Histogram customers;
    private final Counter requests;
    private final Histogram duration;
    private final Counter rejects;
    private final DriftMetrics drift;
    private final Counter labelled;
    private final Counter duplicateLabels;
    private final Histogram feedbackDelay;
    private final Gauge heldout;
    private final Info info;
    private final Gauge ready;
    private final Counter loads;

    private record RouteStatus(CounterDataPoint count, DistributionDataPoint duration) {
    }

    /** The store model's own series (two counts), only for store-success. */
    private record StorePoints(GaugeDataPoint lastItems, GaugeDataPoint lastCustomers, DistributionDataPoint items,
                               DistributionDataPoint customers) {
    }

    private record VersionPoints(CounterDataPoint[] byClass, DistributionDataPoint probability,
                                 DriftMetrics.Monitors drift, StorePoints store) {
    }

    public PrometheusServingMetrics() {
        this(DEFAULT_DRIFT_WINDOW, DEFAULT_LATENCY_THRESHOLD);
    }

    /** Kept for callers that name the store model; every model's series come from the versions that answer. */
    public PrometheusServingMetrics(ModelDescriptor model) {
        this();
    }

    public PrometheusServingMetrics(ModelDescriptor model, Duration driftWindow, Duration latencyThreshold) {
        this(driftWindow, latencyThreshold);
    }

    /**
     * {@code driftWindow}: how much recent traffic the drift scores compare with the training data (null: no
     * drift scores, for the benchmark's comparison); {@code latencyThreshold}: the latency SLO's bound, made a
     * bucket bound so the SLO's ratio is exact. Every series about a model carries {@code model} and
     * {@code version} (see the model-repository README).
     */
    public PrometheusServingMetrics(Duration driftWindow, Duration latencyThreshold) {
        drift = driftWindow == null ? null : new DriftMetrics(driftWindow, registry);
        predictions = predictionsCounter(registry);
        probability = probabilityHistogram(registry);
        // not *_count: that suffix belongs to histograms and summaries (promtool check metrics)
        lastItems = storeGauge(registry, "store_model_last_items", "items_count of the last record predicted (store-success)");
        lastCustomers = storeGauge(registry, "store_model_last_customers",
                "customers_count of the last record predicted (store-success)");
        // buckets at the workshop's training quantiles of the two inputs, evenly spaced: 1000..2750, 200..1600
        items = storeInputHistogram(registry, "store_model_input_items", "items_count", 1000, 250);
        customers = storeInputHistogram(registry, "store_model_input_customers", "customers_count", 200, 200);
        // the dashboards read this counter; the histogram's _count holds the same numbers
        requests = Counter.builder()
                .name("store_model_http_requests_total")
                .help("HTTP requests served, by model and version (empty for routes about no model), route and status")
                .labelNames("model", "version", "route", "status")
                .withoutExemplars()
                .register(registry);
        duration = Histogram.builder()
                .name("store_model_http_request_duration_seconds")
                .help("Time from request to response, by model, version, route and status")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(latencyBuckets(latencyThreshold))
                .labelNames("model", "version", "route", "status")
                .withoutExemplars()
                .register(registry);
        rejects = Counter.builder()
                .name("store_model_rejected_requests_total")
                .help("Requests turned away with a 4xx, by model, version (empty when unknown) and reason")
                .labelNames("model", "version", "reason")
                .withoutExemplars()
                .register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejects.labelValues("", "", r.label()); // requests about no model, or an unknown one
        }
        labelled = FeedbackSeries.labelled(registry);
        duplicateLabels = FeedbackSeries.duplicates(registry);
        feedbackDelay = FeedbackSeries.delay(registry);
        heldout = VersionSeries.heldout(registry);
        info = VersionSeries.info(registry);
        ready = VersionSeries.ready(registry);
        loads = VersionSeries.loads(registry);
    }

    private static Counter predictionsCounter(PrometheusRegistry registry) {
        return Counter.builder()
                .name("store_model_predictions_total")
                .help("Predictions made, by model, version and predicted class")
                .labelNames("model", "version", "class")
                .withoutExemplars()
                .register(registry);
    }

    private static Histogram probabilityHistogram(PrometheusRegistry registry) {
        return Histogram.builder()
                .name("store_model_prediction_probability")
                .help("Predicted probability of class 1 (store-success: successful)")
                .classicOnly()
                .classicLinearUpperBounds(0.1, 0.1, 10)
                .labelNames("model", "version")
                .withoutExemplars()
                .register(registry);
    }

    private static Gauge storeGauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(name).help(help).labelNames("model", "version").withoutExemplars()
                .register(registry);
    }

    /** One of the store model's two inputs as a histogram: 8 buckets from {@code first}, {@code width} apart. */
    private static Histogram storeInputHistogram(PrometheusRegistry registry, String name, String input, double first,
                                                 double width) {
        return Histogram.builder()
                .name(name)
                .help(input + " of predicted records (store-success); buckets are the training quantiles")
                .classicOnly()
                .classicLinearUpperBounds(first, width, 8)
                .labelNames("model", "version")
                .withoutExemplars()
                .register(registry);
    }

    /** The delayed ground truth: labels arriving through /feedback. */
    private static final class FeedbackSeries {
        private FeedbackSeries() {
        }

        static Counter labelled(PrometheusRegistry registry) {
            return Counter.builder()
                    .name("store_model_labelled_predictions_total")
                    .help("Predictions whose true label arrived through /feedback, by outcome (correct, wrong)")
                    .labelNames("model", "version", "outcome")
                    .withoutExemplars()
                    .register(registry);
        }

        static Counter duplicates(PrometheusRegistry registry) {
            return Counter.builder()
                    .name("store_model_feedback_duplicates_total")
                    .help("Labels sent again for a prediction already labelled; counted here, not in the accuracy")
                    .labelNames("model", "version")
                    .withoutExemplars()
                    .register(registry);
        }

        static Histogram delay(PrometheusRegistry registry) {
            return Histogram.builder()
                    .name("store_model_feedback_delay_seconds")
                    .help("Time from a prediction to the arrival of its true label")
                    .unit(Unit.SECONDS)
                    .classicOnly()
                    .classicUpperBounds(FEEDBACK_DELAY_BUCKETS)
                    .labelNames("model", "version")
                    .withoutExemplars()
                    .register(registry);
        }
    }

    /** The model versions of the repository: which answers, what they are, how loading went. */
    private static final class VersionSeries {
        private VersionSeries() {
        }

        // a gauge rather than the info label, so StoreModelAccuracyLow can subtract its margin from it
        static Gauge heldout(PrometheusRegistry registry) {
            return Gauge.builder()
                    .name("store_model_heldout_accuracy")
                    .help("Accuracy of the answering version on its held-out data at training (artifact.json)")
                    .labelNames("model", "version")
                    .withoutExemplars()
                    .register(registry);
        }

        static Info info(PrometheusRegistry registry) {
            return Info.builder()
                    .name("store_model_info")
                    .help("The model versions answering: format, library, artifact and held-out quality")
                    .labelNames("model", "version", "format", "library", "library_version", "sha256", "accuracy",
                            "roc_auc")
                    .register(registry);
        }

        static Gauge ready(PrometheusRegistry registry) {
            return Gauge.builder()
                    .name("store_model_ready")
                    .help("1 for the version of each model that answers, 0 for one it replaced")
                    .labelNames("model", "version")
                    .withoutExemplars()
                    .register(registry);
        }

        static Counter loads(PrometheusRegistry registry) {
            return Counter.builder()
                    .name("store_model_version_loads_total")
                    .help("Versions found in the model repository, by result (loaded, refused)")
                    .labelNames("model", "version", "result")
                    .withoutExemplars()
                    .register(registry);
        }
    }

    private VersionPoints points(ServedVersion v) {
        VersionPoints p = versions.get(v);
        return p != null ? p : versions.computeIfAbsent(v, this::newPoints);
    }

    private VersionPoints newPoints(ServedVersion v) {
        String m = v.name();
        String ver = v.version();
        CounterDataPoint[] byClass = {predictions.labelValues(m, ver, v.spec().className(0)),
                predictions.labelValues(m, ver, v.spec().className(1))};
        StorePoints store = !m.equals(BundledSpecs.STORE_SUCCESS) || v.spec().inputs().size() != 2 ? null
                : new StorePoints(lastItems.labelValues(m, ver), lastCustomers.labelValues(m, ver),
                        items.labelValues(m, ver), customers.labelValues(m, ver));
        // series that exist from the start read 0 rather than being absent (rates, ratios and absent() alerts)
        for (RejectReason r : RejectReason.values()) {
            rejects.labelValues(m, ver, r.label());
        }
        labelled.labelValues(m, ver, "correct");
        labelled.labelValues(m, ver, "wrong");
        duplicateLabels.labelValues(m, ver);
        return new VersionPoints(byClass, probability.labelValues(m, ver), drift == null ? null : drift.of(v), store);
    }

    @Override
    public void predicted(ServedVersion version, double[] rows, int n, double[] probabilities) {
        VersionPoints p = points(version);
        for (int r = 0; r < n; r++) {
            p.byClass()[ServedVersion.label(probabilities[r])].inc();
            p.probability().observe(probabilities[r]);
        }
        if (p.store() != null) {
            for (int r = 0; r < n; r++) {
                p.store().items().observe(rows[2 * r]);
                p.store().customers().observe(rows[2 * r + 1]);
            }
            p.store().lastItems().set(rows[2 * n - 2]);
            p.store().lastCustomers().set(rows[2 * n - 1]);
        }
        if (p.drift() != null) {
            DriftMetrics.observe(p.drift(), rows, n, version.spec().inputs().size(), probabilities);
        }
    }

    @Override
    public void loaded(ServedVersion version, ServedVersion replaced) {
        String m = version.name();
        String v = version.version();
        points(version);
        heldout.labelValues(m, v).set(version.accuracy());
        info.addLabelValues(m, v, version.format().name().toLowerCase(java.util.Locale.ROOT),
                String.valueOf(version.library()), String.valueOf(version.libraryVersion()), version.sha256(),
                String.valueOf(version.accuracy()), String.valueOf(version.rocAuc()));
        ready.labelValues(m, v).set(1);
        loads.labelValues(m, v, "loaded").inc();
        if (replaced != null && !replaced.version().equals(v)) {
            // one held-out accuracy and one set of drift scores per model: the rules compare them per instance
            heldout.remove(m, replaced.version());
            ready.labelValues(m, replaced.version()).set(0);
            if (drift != null) {
                drift.remove(replaced);
            }
            versions.remove(replaced);
        }
    }

    @Override
    public void refused(String model, String version, String reason) {
        loads.labelValues(model, version, "refused").inc();
    }

    @Override
    public void request(String route, String model, String version, int status, long durationNanos) {
        String key = model.isEmpty() ? route : model + '\0' + version + '\0' + route;
        RouteStatus[] byStatus = routes.computeIfAbsent(key, k -> new RouteStatus[500]);
        int i = Math.floorMod(status - 100, 500);
        RouteStatus rs = byStatus[i];
        if (rs == null) {
            // a benign race: two threads may both create it; labelValues returns the same data points
            rs = new RouteStatus(requests.labelValues(model, version, route, Integer.toString(status)),
                    duration.labelValues(model, version, route, Integer.toString(status)));
            byStatus[i] = rs;
        }
        rs.count().inc();
        rs.duration().observe(Unit.nanosToSeconds(durationNanos));
    }

    @Override
    public void rejected(String model, String version, RejectReason reason) {
        rejects.labelValues(model, version, reason.label()).inc();
    }

    @Override
    public void labelled(String model, String version, FeedbackStore.Outcome outcome, double delaySeconds) {
        switch (outcome) {
            case CORRECT -> labelled.labelValues(model, version, "correct").inc();
            case WRONG -> labelled.labelValues(model, version, "wrong").inc();
            case DUPLICATE -> duplicateLabels.labelValues(model, version).inc();
            default -> {
                return; // not counted: the label was refused
            }
        }
        if (outcome != FeedbackStore.Outcome.DUPLICATE) {
            feedbackDelay.labelValues(model, version).observe(delaySeconds);
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
