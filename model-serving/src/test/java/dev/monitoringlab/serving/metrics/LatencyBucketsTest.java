package dev.monitoringlab.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.serving.TestModels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The latency SLO counts requests at or under its threshold: that bound must be a bucket of the histogram. */
class LatencyBucketsTest {

    private static String exposition(Duration threshold) throws Exception {
        PrometheusServingMetrics m = new PrometheusServingMetrics(TestModels.model().descriptor(),
                PrometheusServingMetrics.DEFAULT_DRIFT_WINDOW, threshold);
        m.request("/predict", "store-success", "1", 200, Duration.ofMillis(20).toNanos());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.scrape("text/plain", out);
        return dev.monitoringlab.serving.http.Exposition.withoutModelLabels(out.toString(StandardCharsets.UTF_8));
    }

    private static String bucket(String le) {
        return "store_model_http_request_duration_seconds_bucket{route=\"/predict\",status=\"200\",le=\"" + le + "\"} ";
    }

    @Test
    void theDefaultThresholdOf25msIsABucketAndCountsTheRequestUnderIt() throws Exception {
        String text = exposition(PrometheusServingMetrics.DEFAULT_LATENCY_THRESHOLD);
        assertThat(text).contains(bucket("0.025") + "1", bucket("0.01") + "0");
    }

    @Test
    void aChangedThresholdBecomesABucketOfItsOwn() throws Exception {
        String text = exposition(Duration.ofMillis(30));
        assertThat(text).contains(bucket("0.03") + "1", bucket("0.025") + "1");
        assertThat(exposition(Duration.ofMillis(17))).contains(bucket("0.017") + "0");
    }

    @Test
    void aThresholdThatIsAlreadyABoundIsNotRepeated() {
        assertThat(PrometheusServingMetrics.latencyBuckets(Duration.ofMillis(25)))
                .containsExactly(PrometheusServingMetrics.LATENCY_BUCKETS);
        assertThat(PrometheusServingMetrics.latencyBuckets(Duration.ofMillis(30))).hasSize(12).isSorted();
    }
}
