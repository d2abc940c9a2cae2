package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PredictionServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PredictionServer server;
    private static TestClient http;

    @BeforeAll
    static void start() throws Exception {
        server = PredictionServer.start(TestModels.model(), new PrometheusServingMetrics(TestModels.model().descriptor()),
                "127.0.0.1", 0, 2);
        http = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void predictsOneRecordWithClassLabelAndProbability() throws Exception {
        HttpResponse<String> r = http.post("/predict", "{\"items_count\": 2000, \"customers_count\": 5000}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("class").asText()).isEqualTo("successful");
        assertThat(p.get("label").asInt()).isEqualTo(1);
        assertThat(p.get("probability").asDouble())
                .isEqualTo(TestModels.model().predict(2000, 5000).probability());
    }

    @Test
    void predictsABatchInRequestOrder() throws Exception {
        HttpResponse<String> r = http.post("/predict", "{\"records\": [{\"items_count\": 1000, \"customers_count\": 1000},"
                + "{\"items_count\": 2000, \"customers_count\": 5000}, {\"items_count\": 1200, \"customers_count\": 300}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("count").asInt()).isEqualTo(3);
        assertThat(body.get("predictions").findValuesAsText("class")).containsExactly("normal", "successful", "normal");
    }

    @Test
    void metricsCountPredictionsByClassAndRecordTheInputs() throws Exception {
        double before = sample("store_model_predictions_total{class=\"successful\"}");
        double items2000 = sample("store_model_input_items_bucket{le=\"2000.0\"}");
        http.post("/predict", "{\"records\": [{\"items_count\": 1900, \"customers_count\": 1599},"
                + "{\"items_count\": 1950, \"customers_count\": 1588}]}");
        assertThat(sample("store_model_predictions_total{class=\"successful\"}")).isEqualTo(before + 2);
        assertThat(sample("store_model_input_items_bucket{le=\"2000.0\"}")).isEqualTo(items2000 + 2);

        http.post("/predict", "{\"items_count\": 1234, \"customers_count\": 567}");
        assertThat(sample("store_model_last_items")).isEqualTo(1234);
        assertThat(sample("store_model_last_customers")).isEqualTo(567);
    }

    @Test
    void metricsExposeEveryContractNameWithTheWorkshopBuckets() throws Exception {
        http.post("/predict", "{\"items_count\": 1500, \"customers_count\": 700}");
        http.post("/predict", "{\"items_count\": -1, \"customers_count\": 700}");
        HttpResponse<String> r = http.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String raw = r.body();
        String text = Exposition.withoutModelLabels(raw);
        assertThat(text).contains(
                "# TYPE store_model_predictions_total counter",
                "store_model_predictions_total{class=\"normal\"}",
                "store_model_predictions_total{class=\"successful\"}",
                "# TYPE store_model_prediction_probability histogram",
                "store_model_prediction_probability_bucket{le=\"0.1\"}",
                "store_model_prediction_probability_bucket{le=\"1.0\"}",
                "# TYPE store_model_last_items gauge",
                "# TYPE store_model_last_customers gauge",
                "store_model_input_items_bucket{le=\"1000.0\"}",
                "store_model_input_items_bucket{le=\"2750.0\"}",
                "store_model_input_customers_bucket{le=\"200.0\"}",
                "store_model_input_customers_bucket{le=\"1600.0\"}",
                "store_model_http_requests_total{route=\"/predict\",status=\"200\"}",
                "store_model_http_request_duration_seconds_bucket{route=\"/predict\",status=\"200\",le=\"0.01\"}",
                "store_model_rejected_requests_total{reason=\"negative_value\"} ",
                "store_model_info{");
        assertThat(raw).contains("version=\"" + TestModels.model().descriptor().version() + "\"",
                "library=\"tribuo\"");
        assertThat(text.lines().filter(l -> l.startsWith("store_model_input_items_bucket")))
                .hasSize(9); // 8 training quantiles + Inf
    }

    @Test
    void healthOpenApiAndTheModelCardDescribeTheSameRoutes() throws Exception {
        assertThat(JSON.readTree(http.get("/health").body()).get("status").asText()).isEqualTo("ok");
        HttpResponse<String> api = http.get("/openapi.json");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(api.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = iterable(doc.get("paths").fieldNames());
        assertThat(paths).containsExactlyInAnyOrder("/predict", "/feedback", "/health", "/metrics", "/openapi.json",
                "/docs", "/model", "/v2", "/v2/health/live", "/v2/health/ready", "/v2/models/{name}",
                "/v2/models/{name}/versions/{version}", "/v2/models/{name}/ready",
                "/v2/models/{name}/versions/{version}/ready", "/v2/models/{name}/infer",
                "/v2/models/{name}/versions/{version}/infer");
        assertThat(iterable(doc.at("/paths/~1feedback/post/responses").fieldNames()))
                .contains("200", "400", "404", "410", "415");
        assertThat(doc.at("/x-model/version").asText()).isEqualTo(TestModels.model().descriptor().version());
        List<String> reasons = new java.util.ArrayList<>();
        doc.at("/components/schemas/Error/properties/reason/enum").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                dev.monitoringlab.serving.metrics.RejectReason.values()).map(r -> r.label()).toList());

        HttpResponse<String> card = http.get("/model");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(card.body()).startsWith("<!DOCTYPE html>").doesNotContain("<script", "http://cdn", "https://");
        for (String p : paths) {
            assertThat(card.body()).contains("<code>" + p + "</code>");
        }
        assertThat(card.body()).contains("items_count", "customers_count", "held-out ROC AUC");
    }

    @Test
    void docsIsSwaggerUiServedFromTheWebjarAndNothingElseUnderDocs() throws Exception {
        HttpResponse<String> docs = http.get("/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("SwaggerUIBundle({url: \"/openapi.json\"", "/docs/swagger-ui-bundle.js",
                "/docs/swagger-ui.css").doesNotContain("https://", "http://");
        HttpResponse<String> js = http.get("/docs/swagger-ui-bundle.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("application/javascript");
        assertThat(js.body()).hasSizeGreaterThan(500_000).contains("SwaggerUIBundle");
        assertThat(http.get("/docs/swagger-ui.css").headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/css");
        for (String other : List.of("/docs/index.html", "/docs/swagger-initializer.js", "/docs/../pom.properties",
                "/docs/", "/docs/assets")) {
            assertThat(http.get(other).statusCode()).as(other).isEqualTo(404);
        }
        assertThat(sample("store_model_http_requests_total{route=\"/docs/assets\",status=\"200\"}")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutMetricsThereIsNoMetricsRouteButPredictionsWork() throws Exception {
        try (PredictionServer bare = PredictionServer.start(TestModels.model(), ServingMetrics.NONE, "127.0.0.1", 0, 1)) {
            TestClient c = new TestClient(bare.port());
            assertThat(c.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(c.post("/predict", "{\"items_count\": 1, \"customers_count\": 2}").statusCode()).isEqualTo(200);
            assertThat(c.get("/health").body()).contains("\"metrics\":false");
        }
    }

    static double sample(String series) throws Exception {
        return sample(http, series);
    }

    static double sample(TestClient client, String series) throws Exception {
        return Exposition.withoutModelLabels(client.get("/metrics").body()).lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
