package dev.monitoringlab.modelmock;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The mock's metrics. {@code model_result} is the one the lab asks for; the counter and the histogram are the
 * lab's extension "add another type of metric": how often the value changed, and how the values are spread.
 */
public final class ModelMockMetrics {
    private final Gauge result;
    private final Counter updates;
    private final Histogram values;
    private final Counter updateErrors;

    public ModelMockMetrics(PrometheusRegistry registry) {
        result = Gauge.builder()
                .name("model_result")
                .help("Latest output of the mocked model, a value in [0, 1]")
                .register(registry);
        updates = Counter.builder()
                .name("model_result_updates_total")
                .help("Number of new values the mocked model has produced")
                .register(registry);
        // Buckets at the quarters, so the 0.75 alert threshold is a bucket boundary.
        values = Histogram.builder()
                .name("model_result_value")
                .help("Distribution of the values the mocked model has produced")
                .classicOnly()
                .classicUpperBounds(0.25, 0.5, 0.75, 1.0)
                .register(registry);
        updateErrors = Counter.builder()
                .name("model_result_update_errors_total")
                .help("Ticks of the value timer that failed (logged); the timer goes on with the next one")
                .register(registry);
    }

    public void updateFailed() {
        updateErrors.inc();
    }

    public void record(double value) {
        result.set(value);
        updates.inc();
        values.observe(value);
    }
}
