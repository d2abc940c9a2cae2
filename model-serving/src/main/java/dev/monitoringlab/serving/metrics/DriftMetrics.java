package dev.monitoringlab.serving.metrics;

import dev.monitoringlab.serving.drift.DriftMonitor;
import dev.monitoringlab.serving.repository.ServedVersion;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drift of every input and every output of each answering model version, computed in the service over a sliding
 * window (not in PromQL): the window forgets old traffic on its own, empty bins are smoothed instead of dividing
 * by zero, and the scores are read at scrape time, so recording a prediction costs a few array increments. The
 * baseline is the reference training recorded for the version, so it follows a version change; a replaced
 * version's scores disappear with it. How many records the window holds is exported beside the scores, so the
 * alert rules can refuse to judge a handful of requests.
 */
final class DriftMetrics {
    private static final double[] NO_INPUTS = new double[0];

    /** One version's windows: inputs and probability, and the predicted class when training recorded its spread. */
    record Monitors(ServedVersion version, DriftMonitor inputs, DriftMonitor label) {
    }

    /** model + '\0' + version -> the windows of that version. */
    private final Map<String, Monitors> active = new ConcurrentHashMap<>();
    private final Duration window;

    DriftMetrics(Duration window, PrometheusRegistry registry) {
        this.window = window;
        String over = " over the last " + window.toSeconds() + " s of predictions against the training data of the"
                + " answering version (below 0.1 stable, 0.1-0.25 moderate, above 0.25 significant)";
        GaugeWithCallback.builder()
                .name("store_model_input_drift_psi")
                .help("Population Stability Index of each input" + over)
                .labelNames("model", "version", "feature")
                .callback(cb -> active.values().forEach(m -> m.inputs().inputScores()
                        .forEach(s -> cb.call(s.psi(), m.version().name(), m.version().version(), s.name()))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("store_model_output_drift_psi")
                .help("Population Stability Index of each output (probability; label by class)" + over)
                .labelNames("model", "version", "output")
                .callback(cb -> active.values().forEach(m -> {
                    cb.call(m.inputs().outputScore().psi(), m.version().name(), m.version().version(), "probability");
                    if (m.label() != null) {
                        cb.call(m.label().outputScore().psi(), m.version().name(), m.version().version(), "label");
                    }
                }))
                .register(registry);
        GaugeWithCallback.builder()
                .name("store_model_drift_window_records")
                .help("Records predicted within the drift window, the sample size behind the drift scores")
                .labelNames("model", "version")
                .callback(cb -> active.values().forEach(m -> cb.call(m.inputs().outputScore().records(),
                        m.version().name(), m.version().version())))
                .register(registry);
    }

    /** The windows of a version, made on its first prediction or when it starts answering. */
    Monitors of(ServedVersion v) {
        return active.computeIfAbsent(key(v), k -> new Monitors(v,
                new DriftMonitor(v.inputReferencesByName(), v.probabilityReference(), window, System::currentTimeMillis),
                v.labelReference() == null ? null : new DriftMonitor(Map.of(), v.labelReference(), window,
                        System::currentTimeMillis)));
    }

    /** A replaced version stops being scored. */
    void remove(ServedVersion v) {
        active.remove(key(v));
    }

    static void observe(Monitors m, double[] rows, int n, int k, double[] probabilities) {
        double[] record = new double[k];
        for (int r = 0; r < n; r++) {
            System.arraycopy(rows, r * k, record, 0, k);
            m.inputs().observe(record, probabilities[r]);
            if (m.label() != null) {
                m.label().observe(NO_INPUTS, ServedVersion.label(probabilities[r]));
            }
        }
    }

    static String key(ServedVersion v) {
        return v.name() + '\0' + v.version();
    }

    List<String> activeKeys() {
        return List.copyOf(active.keySet());
    }
}
