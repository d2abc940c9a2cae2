package dev.monitoringlab.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.data.InputDistribution;
import dev.monitoringlab.serving.model.Prediction;
import dev.monitoringlab.serving.model.StoreModel;
import dev.monitoringlab.serving.repository.BundledSpecs;
import dev.monitoringlab.serving.repository.ServedVersion;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftMetricsTest {
    private final StoreModel model = TestModels.model();
    private final ServedVersion version = ServedVersion.fromModelDirectory(model,
            BundledSpecs.spec(BundledSpecs.STORE_SUCCESS));

    private PrometheusServingMetrics afterTraffic(InputDistribution inputs, int records) {
        PrometheusServingMetrics metrics = new PrometheusServingMetrics(model.descriptor(), Duration.ofMinutes(5),
                PrometheusServingMetrics.DEFAULT_LATENCY_THRESHOLD);
        metrics.loaded(version, null); // as the registry reports the versions that answer
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < records; i++) {
            int items = inputs.items(random);
            int customers = inputs.customers(random);
            Prediction p = model.predict(items, customers);
            metrics.predicted(version, new double[] {items, customers}, 1, new double[] {p.probability()});
        }
        return metrics;
    }

    private static double gauge(PrometheusServingMetrics metrics, String name, String feature) {
        for (MetricSnapshot m : metrics.registry().scrape()) {
            if (m.getMetadata().getPrometheusName().equals(name)) {
                return ((GaugeSnapshot) m).getDataPoints().stream()
                        .filter(d -> feature == null || feature.equals(d.getLabels().get("feature")))
                        .filter(d -> !"label".equals(d.getLabels().get("output")))
                        .findFirst().orElseThrow().getValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Test
    void trainingLikeTrafficIsStableOnBothInputsAndTheOutput() {
        PrometheusServingMetrics m = afterTraffic(InputDistribution.TRAINING, 3000);

        assertThat(gauge(m, "store_model_input_drift_psi", "items_count")).isLessThan(0.1);
        assertThat(gauge(m, "store_model_input_drift_psi", "customers_count")).isLessThan(0.1);
        assertThat(gauge(m, "store_model_output_drift_psi", null)).isLessThan(0.1);
        assertThat(gauge(m, "store_model_drift_window_records", null)).isEqualTo(3000);
    }

    @Test
    void faultyTrafficDriftsOnCustomersAndTheOutputOnly() {
        PrometheusServingMetrics m = afterTraffic(InputDistribution.FAULTY, 3000);

        assertThat(gauge(m, "store_model_input_drift_psi", "items_count")).isLessThan(0.1);
        assertThat(gauge(m, "store_model_input_drift_psi", "customers_count")).isGreaterThan(0.25);
        assertThat(gauge(m, "store_model_output_drift_psi", null)).isGreaterThan(0.25);
    }

    @Test
    void noTrafficScoresZeroWithAnEmptyWindow() {
        PrometheusServingMetrics m = afterTraffic(InputDistribution.TRAINING, 0);

        assertThat(gauge(m, "store_model_input_drift_psi", "customers_count")).isZero();
        assertThat(gauge(m, "store_model_drift_window_records", null)).isZero();
    }
}
