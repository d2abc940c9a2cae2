package dev.monitoringlab.serving.metrics;

import dev.monitoringlab.serving.drift.DriftMonitor;
import dev.monitoringlab.serving.model.ModelDescriptor;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/**
 * Drift of the inputs and of the output, computed in the service over a sliding window (not in PromQL): the
 * window forgets old traffic on its own, empty bins are smoothed instead of dividing by zero, and the scores
 * are read at scrape time, so recording a prediction costs a few array increments. How many records the window
 * holds is exported beside the scores, so the alert rules can refuse to judge a handful of requests.
 */
final class DriftMetrics {
    private final DriftMonitor monitor;

    DriftMetrics(ModelDescriptor model, Duration window, PrometheusRegistry registry) {
        ModelDescriptor.Reference reference = model.reference();
        monitor = new DriftMonitor(reference.inputs(), reference.probability(), window, System::currentTimeMillis);
        String over = " over the last " + window.toSeconds() + " s of predictions against the training data"
                + " (below 0.1 stable, 0.1-0.25 moderate, above 0.25 significant)";
        GaugeWithCallback.builder()
                .name("store_model_input_drift_psi")
                .help("Population Stability Index of each input feature" + over)
                .labelNames("feature")
                .callback(cb -> monitor.inputScores().forEach(s -> cb.call(s.psi(), s.name())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("store_model_output_drift_psi")
                .help("Population Stability Index of the predicted probability" + over)
                .callback(cb -> cb.call(monitor.outputScore().psi()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("store_model_drift_window_records")
                .help("Records predicted within the drift window, the sample size behind the drift scores")
                .callback(cb -> cb.call(monitor.outputScore().records()))
                .register(registry);
    }

    void observe(int itemsCount, int customersCount, double probability) {
        monitor.observe(new double[] {itemsCount, customersCount}, probability);
    }
}
