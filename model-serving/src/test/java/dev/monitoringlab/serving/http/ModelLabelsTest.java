package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.repository.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every series about a model names the model and the version, for both models of the repository (the contract). */
class ModelLabelsTest {
    /** A repository with store-success (Tribuo, from the test's training) and the committed order-return (ONNX). */
    static Path bothModels() throws Exception {
        Path repository = Files.createTempDirectory("two-models");
        Path store = TestModels.repository().resolve("store-success");
        Path orders = Path.of(System.getProperty("lab.root", "..")).resolve("models/order-return");
        Files.createDirectories(repository.resolve("store-success/1"));
        Files.createDirectories(repository.resolve("order-return/1"));
        for (String f : List.of("model.json", "1/model.tribuo", "1/artifact.json")) {
            Files.copy(store.resolve(f), repository.resolve("store-success").resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String f : List.of("model.json", "1/model.onnx", "1/artifact.json")) {
            Files.copy(orders.resolve(f), repository.resolve("order-return").resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return repository;
    }

    static final String ORDER = """
            {"inputs": [{"name": "items_in_order", "shape": [1], "datatype": "INT32", "data": [12]},
                        {"name": "discount_ratio", "shape": [1], "datatype": "FP32", "data": [0.6]},
                        {"name": "channel", "shape": [1], "datatype": "INT32", "data": [2]},
                        {"name": "customer_tenure_days", "shape": [1], "datatype": "INT32", "data": [30]}]}""";

    @Test
    void everyModelSeriesCarriesModelAndVersionAndDriftCoversEveryInputAndOutput() throws Exception {
        try (ModelRegistry registry = ModelRegistry.open(bothModels());
             PredictionServer server = PredictionServer.start(TestModels.model(), registry, new PrometheusServingMetrics(),
                     PredictionServer.defaultFeedback(), "127.0.0.1", 0, 1,
                     ServerLimits.defaults().withMaxBodyBytes(PredictionServer.MAX_BODY_BYTES))) {
            TestClient http = new TestClient(server.port());
            String id = new ObjectMapper().readTree(http.post("/predict",
                    "{\"items_count\": 1500, \"customers_count\": 900}").body()).get("id").asText();
            assertThat(http.post("/feedback", "{\"id\": \"" + id + "\", \"label\": 0}").statusCode()).isEqualTo(200);
            assertThat(http.post("/v2/models/order-return/infer", ORDER).statusCode()).isEqualTo(200);
            assertThat(http.post("/v2/models/order-return/infer", "{\"inputs\": []}").statusCode()).isEqualTo(400);
            String text = http.get("/metrics").body();

            for (String family : MetricNames.ALL) {
                String base = family.replaceAll("_total$", "");
                List<String> lines = text.lines().filter(l -> !l.startsWith("#"))
                        .filter(l -> l.startsWith(base + "{") || l.startsWith(base + "_") && !l.startsWith(base + "_http")
                                || l.startsWith(family + "{"))
                        .toList();
                assertThat(lines).as(family).isNotEmpty();
                for (String l : lines) {
                    assertThat(l).as(family).contains("model=\"", "version=\"");
                }
            }
            assertThat(text).contains(
                    "store_model_predictions_total{class=\"returned\",model=\"order-return\",version=\"1\"} 1.0",
                    "store_model_predictions_total{class=\"normal\",model=\"store-success\",version=\"1\"} 1.0",
                    "store_model_labelled_predictions_total{model=\"store-success\",outcome=\"correct\",version=\"1\"} 1.0",
                    "store_model_rejected_requests_total{model=\"order-return\",reason=\"missing_input\",version=\"1\"} 1.0",
                    "store_model_http_requests_total{model=\"order-return\",route=\"/v2/models/{name}/infer\",status=\"200\",version=\"1\"} 1.0",
                    "store_model_ready{model=\"order-return\",version=\"1\"} 1.0",
                    "store_model_version_loads_total{model=\"store-success\",result=\"loaded\",version=\"1\"} 1.0",
                    "store_model_heldout_accuracy{model=\"order-return\",version=\"1\"} 0.756",
                    "store_model_drift_window_records{model=\"order-return\",version=\"1\"} 1.0",
                    "store_model_output_drift_psi{model=\"order-return\",output=\"label\",version=\"1\"}",
                    "store_model_output_drift_psi{model=\"store-success\",output=\"probability\",version=\"1\"}");
            for (String input : List.of("items_in_order", "discount_ratio", "channel", "customer_tenure_days")) {
                assertThat(text).contains("store_model_input_drift_psi{feature=\"" + input
                        + "\",model=\"order-return\",version=\"1\"}");
            }
            // the store model's own series stay its own
            assertThat(text).doesNotContain("store_model_input_items_count{model=\"order-return\"");
        }
    }
}
