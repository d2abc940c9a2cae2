package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.http.Promtool;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store model's metrics hold the right values, in the right units and buckets, not only the right names. */
class MetricValuesTest {
    private static final Pattern BUCKET = Pattern.compile("(?m)^%s_bucket\\{le=\"([^\"]+)\"} (\\S+)$");
    private PredictionServer server;
    private TestClient http;

    @BeforeEach
    void start() throws Exception {
        server = PredictionServer.start(TestModels.model(), new PrometheusServingMetrics(TestModels.model().descriptor()),
                "127.0.0.1", 0, 2);
        http = new TestClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachProbabilityAndInputBucketCountsExactlyTheRecordsAtOrBelowIt() throws Exception {
        List<int[]> records = List.of(new int[] {1000, 200}, new int[] {1200, 450}, new int[] {1500, 700},
                new int[] {1800, 900}, new int[] {1900, 1000}, new int[] {2100, 1150}, new int[] {2400, 1300},
                new int[] {2600, 1500}, new int[] {2750, 1600}, new int[] {3000, 5000});
        StringBuilder batch = new StringBuilder("{\"records\": [");
        for (int[] r : records) {
            batch.append(batch.length() > 13 ? "," : "").append("{\"items_count\": ").append(r[0])
                    .append(", \"customers_count\": ").append(r[1]).append('}');
        }
        assertThat(http.post("/predict", batch.append("]}").toString()).statusCode()).isEqualTo(200);
        String text = Exposition.withoutModelLabels(http.get("/metrics").body());

        double[] probabilityBounds = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        Map<String, Double> expected = new LinkedHashMap<>();
        for (double le : probabilityBounds) {
            expected.put(String.valueOf(le), (double) records.stream()
                    .filter(r -> TestModels.model().predict(r[0], r[1]).probability() <= le).count());
        }
        expected.put("+Inf", (double) records.size());
        assertThat(buckets(text, "store_model_prediction_probability")).containsExactlyEntriesOf(expected);
        // the records spread over several buckets, so a dropped or shifted bound changes some count
        assertThat(expected.values().stream().distinct().count()).isGreaterThan(4);

        assertThat(buckets(text, "store_model_input_items")).containsExactlyEntriesOf(cumulative(records, 0,
                1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750));
        assertThat(buckets(text, "store_model_input_customers")).containsExactlyEntriesOf(cumulative(records, 1,
                200, 400, 600, 800, 1000, 1200, 1400, 1600));
        assertThat(PredictionServerTest.sample(http, "store_model_last_items")).isEqualTo(3000);
        assertThat(PredictionServerTest.sample(http, "store_model_last_customers")).isEqualTo(5000);
        assertThat(PredictionServerTest.sample(http, "store_model_predictions_total{class=\"successful\"}")
                + PredictionServerTest.sample(http, "store_model_predictions_total{class=\"normal\"}")).isEqualTo(10);
    }

    @Test
    void aRequestsDurationIsRecordedInSecondsOnceUnderItsRouteAndStatus() throws Exception {
        // a full batch: parsing and 1000 predictions take the server a millisecond or more, so the same time in
        // milliseconds (a thousand times the number) could not fit in the client's round trip
        StringBuilder batch = new StringBuilder("{\"records\": [");
        for (int i = 0; i < PredictRequestParser.MAX_BATCH; i++) {
            batch.append(i > 0 ? "," : "").append("{\"items_count\": ").append(1000 + i)
                    .append(", \"customers_count\": ").append(200 + i).append('}');
        }
        String series = "store_model_http_request_duration_seconds_%s{route=\"/predict\",status=\"200\"}";
        long t = System.nanoTime();
        assertThat(http.post("/predict", batch.append("]}").toString()).statusCode()).isEqualTo(200);
        double roundTripSeconds = (System.nanoTime() - t) / 1e9;
        double sum = PredictionServerTest.sample(http, series.formatted("sum"));
        assertThat(PredictionServerTest.sample(http, series.formatted("count"))).isEqualTo(1);
        assertThat(sum).isPositive().isLessThanOrEqualTo(roundTripSeconds);
        assertThat(PredictionServerTest.sample(http,
                "store_model_http_request_duration_seconds_bucket{route=\"/predict\",status=\"200\",le=\"1.0\"}"))
                .isEqualTo(1);
        assertThat(PredictionServerTest.sample(http, "store_model_http_requests_total{route=\"/predict\",status=\"200\"}"))
                .isEqualTo(1);
    }

    @Test
    void theLiveMetricsPassPromtool() throws Exception {
        http.post("/predict", "{\"items_count\": 1500, \"customers_count\": 900}");
        http.post("/predict", "{\"items_count\": -1, \"customers_count\": 900}");
        http.get("/nowhere");
        String text = http.get("/metrics").body();
        assertThat(Promtool.checkMetrics(text)).isEmpty();
        // promtool accepts a histogram named *_count, whose series then read *_count_count: a name to avoid
        assertThat(text.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("[{ ]", 2)[0]))
                .noneMatch(name -> name.matches(".*_(count|sum|bucket)_(count|sum|bucket)"));
    }

    private static Map<String, Double> cumulative(List<int[]> records, int field, double... bounds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (double le : bounds) {
            out.put(String.valueOf(le), (double) records.stream().filter(r -> r[field] <= le).count());
        }
        out.put("+Inf", (double) records.size());
        return out;
    }

    private static Map<String, Double> buckets(String text, String histogram) {
        Matcher m = Pattern.compile(BUCKET.pattern().formatted(histogram)).matcher(text);
        Map<String, Double> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }
}
