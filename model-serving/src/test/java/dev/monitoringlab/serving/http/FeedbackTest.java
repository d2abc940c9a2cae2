package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delayed ground truth: ids on every prediction, labels counted once by outcome, refusals as 4xx. */
class FeedbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAPACITY = 50;
    private PredictionServer server;
    private TestClient http;

    @BeforeEach
    void start() throws Exception {
        server = PredictionServer.start(TestModels.model(), new PrometheusServingMetrics(TestModels.model().descriptor()),
                new FeedbackStore(CAPACITY, Duration.ofMinutes(10)), "127.0.0.1", 0, 2);
        http = new TestClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyPredictionOfABatchCarriesItsOwnId() throws Exception {
        JsonNode one = JSON.readTree(http.post("/predict", "{\"items_count\": 1500, \"customers_count\": 900}").body());
        assertThat(one.get("id").asText()).matches("[0-9a-f]{8}-\\d+");
        JsonNode batch = JSON.readTree(http.post("/predict", "{\"records\": [{\"items_count\": 1000, \"customers_count\": 1000},"
                + "{\"items_count\": 2000, \"customers_count\": 5000}]}").body());
        List<String> ids = batch.get("predictions").findValuesAsText("id");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().doesNotContain(one.get("id").asText());
    }

    @Test
    void labelsAreCountedOnceByOutcomeWithTheirDelay() throws Exception {
        JsonNode successful = JSON.readTree(http.post("/predict", "{\"items_count\": 2000, \"customers_count\": 5000}").body());
        JsonNode normal = JSON.readTree(http.post("/predict", "{\"items_count\": 1000, \"customers_count\": 200}").body());
        assertThat(successful.get("label").asInt()).isEqualTo(1);
        assertThat(normal.get("label").asInt()).isEqualTo(0);

        HttpResponse<String> r = http.post("/feedback", "{\"id\": \"" + successful.get("id").asText() + "\", \"label\": 1}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("accepted").asInt()).isEqualTo(1);
        r = http.post("/feedback", "{\"feedback\": [{\"id\": \"" + normal.get("id").asText() + "\", \"label\": 1},"
                + "{\"id\": \"" + successful.get("id").asText() + "\", \"label\": 0}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("accepted").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(r.body()).get("duplicates").asInt()).isEqualTo(1);

        assertThat(PredictionServerTest.sample(http, "store_model_labelled_predictions_total{outcome=\"correct\"}")).isEqualTo(1);
        assertThat(PredictionServerTest.sample(http, "store_model_labelled_predictions_total{outcome=\"wrong\"}")).isEqualTo(1);
        assertThat(PredictionServerTest.sample(http, "store_model_feedback_duplicates_total")).isEqualTo(1);
        assertThat(PredictionServerTest.sample(http, "store_model_feedback_delay_seconds_count")).isEqualTo(2);
        // both labels came within a few seconds of their predictions, well inside the first bucket bound of 5 s
        assertThat(PredictionServerTest.sample(http, "store_model_feedback_delay_seconds_bucket{le=\"5.0\"}")).isEqualTo(2);
        assertThat(PredictionServerTest.sample(http, "store_model_heldout_accuracy"))
                .isEqualTo(TestModels.model().descriptor().metrics().accuracy());
    }

    @Test
    void unknownAndExpiredIdsAreClear4xxAndABatchWithOneIsNotCountedAtAll() throws Exception {
        String first = JSON.readTree(http.post("/predict", "{\"items_count\": 1500, \"customers_count\": 900}").body())
                .get("id").asText();
        List<String> later = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            later.add(JSON.readTree(http.post("/predict", "{\"items_count\": 1500, \"customers_count\": 900}").body())
                    .get("id").asText());
        }
        HttpResponse<String> expired = http.post("/feedback", "{\"id\": \"" + first + "\", \"label\": 0}");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(expired.body()).get("reason").asText()).isEqualTo("expired_id");
        assertThat(JSON.readTree(expired.body()).get("error").asText()).contains(first, "retention", "50");

        HttpResponse<String> unknown = http.post("/feedback", "{\"feedback\": [{\"id\": \"" + later.get(0)
                + "\", \"label\": 0}, {\"id\": \"ffffffff-1\", \"label\": 0}]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(unknown.body());
        assertThat(error.get("reason").asText()).isEqualTo("unknown_id");
        assertThat(error.get("field").asText()).isEqualTo("feedback[1].id");
        assertThat(PredictionServerTest.sample(http, "store_model_labelled_predictions_total{outcome=\"correct\"}")
                + PredictionServerTest.sample(http, "store_model_labelled_predictions_total{outcome=\"wrong\"}")).isZero();
        // the good half of the refused batch is still open
        assertThat(http.post("/feedback", "{\"id\": \"" + later.get(0) + "\", \"label\": 0}").statusCode()).isEqualTo(200);
    }

    @Test
    void withFeedbackOffAnswersCarryNoIdAndTheRouteSaysWhy() throws Exception {
        try (PredictionServer off = PredictionServer.start(TestModels.model(), ServingMetrics.NONE, null, "127.0.0.1", 0, 1)) {
            TestClient c = new TestClient(off.port());
            assertThat(JSON.readTree(c.post("/predict", "{\"items_count\": 1500, \"customers_count\": 900}").body())
                    .has("id")).isFalse();
            HttpResponse<String> r = c.post("/feedback", "{\"id\": \"x-1\", \"label\": 0}");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("store.feedback.capacity");
        }
    }
}
