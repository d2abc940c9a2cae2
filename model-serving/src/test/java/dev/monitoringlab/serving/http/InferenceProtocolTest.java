package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.repository.ModelRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol's REST API as its specification (KServe's "Open Inference Protocol", the same text
 * Triton and MLServer follow) describes it: the health, metadata and inference requests of its examples, with
 * store-success in the place of the example's model, and its error shape {@code {"error": "..."}}.
 */
class InferenceProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PredictionServer server;
    private static ModelRegistry registry;
    private static TestClient http;

    @BeforeAll
    static void start() throws Exception {
        Path repository = TestModels.repository();
        Path orders = Path.of(System.getProperty("lab.root", "..")).resolve("models/order-return");
        Files.createDirectories(repository.resolve("order-return/1"));
        for (String f : List.of("model.json", "1/model.onnx", "1/artifact.json")) {
            Files.copy(orders.resolve(f), repository.resolve("order-return").resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        registry = ModelRegistry.open(repository);
        server = PredictionServer.start(TestModels.model(), registry,
                new PrometheusServingMetrics(TestModels.model().descriptor()), PredictionServer.defaultFeedback(),
                "127.0.0.1", 0, 2, ServerLimits.defaults().withMaxBodyBytes(PredictionServer.MAX_BODY_BYTES));
        http = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void healthAnswersByStatusWithAnEmptyBody() throws Exception {
        for (String path : List.of("/v2/health/live", "/v2/health/ready", "/v2/models/store-success/ready",
                "/v2/models/store-success/versions/1/ready")) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isEmpty();
        }
        HttpResponse<String> r = http.get("/v2/models/no-such-model/ready");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("no model 'no-such-model'");
    }

    @Test
    void serverMetadataNamesTheServerAndItsExtensions() throws Exception {
        JsonNode m = JSON.readTree(http.get("/v2").body());
        assertThat(m.get("name").asText()).isNotBlank();
        assertThat(m.get("version").asText()).isNotBlank();
        assertThat(m.get("extensions").isArray()).isTrue();
    }

    @Test
    void modelMetadataListsVersionsPlatformAndTensorsFromTheDescriptor() throws Exception {
        for (String path : List.of("/v2/models/store-success", "/v2/models/store-success/versions/1")) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("""
                    {"name": "store-success", "versions": ["1"], "platform": "tribuo_java",
                     "inputs": [{"name": "items_count", "datatype": "INT32", "shape": [-1]},
                                {"name": "customers_count", "datatype": "INT32", "shape": [-1]}],
                     "outputs": [{"name": "label", "datatype": "INT64", "shape": [-1]},
                                 {"name": "probability", "datatype": "FP64", "shape": [-1]}]}"""));
        }
    }

    /** The specification's inference example: an id echoed, flat and nested data, one output asked for. */
    @Test
    void infersAsInTheSpecificationsExample() throws Exception {
        HttpResponse<String> r = http.post("/v2/models/store-success/infer", """
                {"id": "42",
                 "inputs": [{"name": "items_count", "shape": [2], "datatype": "INT32", "data": [1000, 2000]},
                            {"name": "customers_count", "shape": [2, 1], "datatype": "INT32", "data": [[1000], [5000]]}],
                 "outputs": [{"name": "probability"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        double p0 = TestModels.model().predict(1000, 1000).probability();
        double p1 = TestModels.model().predict(2000, 5000).probability();
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"model_name\": \"store-success\","
                + " \"model_version\": \"1\", \"id\": \"42\", \"outputs\": [{\"name\": \"probability\", \"datatype\":"
                + " \"FP64\", \"shape\": [2], \"data\": [" + p0 + ", " + p1 + "]}]}"));
    }

    @Test
    void everyOutputWhenNoneIsAskedForAndABatchOfAThousand() throws Exception {
        List<Integer> items = new ArrayList<>(Collections.nCopies(1000, 1500));
        items.set(999, 2750);
        String body = "{\"inputs\": [{\"name\": \"customers_count\", \"shape\": [1000], \"datatype\": \"INT32\","
                + " \"data\": " + IntStream.range(0, 1000).map(i -> 200 + i).boxed().toList() + "},"
                + " {\"name\": \"items_count\", \"shape\": [1000], \"datatype\": \"INT32\", \"data\": " + items + "}]}";
        HttpResponse<String> r = http.post("/v2/models/store-success/versions/1/infer", body);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.has("id")).isFalse();
        JsonNode label = answer.get("outputs").get(0);
        JsonNode probability = answer.get("outputs").get(1);
        assertThat(label.get("name").asText()).isEqualTo("label");
        assertThat(label.get("datatype").asText()).isEqualTo("INT64");
        assertThat(label.get("shape").toString()).isEqualTo("[1000]");
        assertThat(probability.get("data")).hasSize(1000);
        for (int i : new int[] {0, 500, 999}) {
            double p = TestModels.model().predict(items.get(i), 200 + i).probability();
            assertThat(probability.get("data").get(i).asDouble()).isEqualTo(p);
            assertThat(label.get("data").get(i).asInt()).isEqualTo(p >= 0.5 ? 1 : 0);
        }
    }

    private static String infer(String items, String customers) {
        return "{\"inputs\": [" + items + ", " + customers + "]}";
    }

    private static final String ITEMS = "{\"name\": \"items_count\", \"shape\": [1], \"datatype\": \"INT32\", \"data\": [1500]}";
    private static final String CUSTOMERS = "{\"name\": \"customers_count\", \"shape\": [1], \"datatype\": \"INT32\", \"data\": [900]}";

    private static String customers(String datatype, String shape, String data) {
        return "{\"name\": \"customers_count\", \"shape\": " + shape + ", \"datatype\": \"" + datatype
                + "\", \"data\": " + data + "}";
    }

    @Test
    void badRequestsGetTheProtocolsErrorBodyA4xxAndAReasonCounted() throws Exception {
        String infer = "/v2/models/store-success/infer";
        Object[][] cases = {
            {"/v2/models/fraud/infer", infer(ITEMS, CUSTOMERS), 404, "unknown_model", "no model 'fraud'; models: [order-return, store-success]"},
            {"/v2/models/store-success/versions/7/infer", infer(ITEMS, CUSTOMERS), 404, "unknown_version", "has no version '7' answering; version 1 answers"},
            {infer, infer(ITEMS, customers("INT32", "[1]", "[900]").replace("customers_count", "visitors")), 400, "unknown_input", "has no input 'visitors'"},
            {infer, infer(ITEMS, ITEMS), 400, "unknown_input", "input 'items_count' given twice"},
            {infer, "{\"inputs\": [" + ITEMS + "]}", 400, "missing_input", "input 'customers_count' is missing"},
            {infer, infer(ITEMS, customers("FP32", "[1]", "[900]")), 400, "wrong_datatype", "input 'customers_count' has datatype INT32, got FP32"},
            {infer, infer(ITEMS, customers("INT33", "[1]", "[900]")), 400, "wrong_datatype", "got INT33 (not a datatype of the protocol)"},
            {infer, infer(ITEMS, customers("INT32", "[1, 2]", "[900, 901]")), 400, "wrong_shape", "must have shape [n] or [n, 1]"},
            {infer, infer(ITEMS, customers("INT32", "[2]", "[900, 901]")), 400, "wrong_shape", "input 'customers_count' has 2 records, input 'items_count' 1"},
            {infer, infer(ITEMS, customers("INT32", "[1]", "[900, 901]")), 400, "wrong_shape", "has 2 values, its shape says 1"},
            {infer, infer(ITEMS, customers("INT32", "[1]", "[-1]")), 400, "out_of_range", "data[0] = -1 is outside what model.json accepts: [0, 1000000]"},
            {infer, infer(ITEMS, customers("INT32", "[1]", "[1000001]")), 400, "out_of_range", "[0, 1000000]"},
            {infer, infer(ITEMS, customers("INT32", "[1]", "[900.5]")), 400, "not_integer", "must be a whole number (INT32), got 900.5"},
            {infer, infer(ITEMS, customers("INT32", "[1]", "[\"900\"]")), 400, "wrong_type", "data[0] must be a number"},
            {infer, infer(ITEMS, customers("INT32", "[0]", "[]")), 400, "empty_batch", "holds no records"},
            {infer, infer(ITEMS, customers("INT32", "[1001]", "[]")), 400, "batch_too_large", "at most 1000 records"},
            {infer, "{\"inputs\": [" + ITEMS + ", " + CUSTOMERS + "], \"outputs\": [{\"name\": \"score\"}]}", 400, "unknown_output", "has no output 'score'"},
            {infer, "{\"inputs\": [], \"priority\": 1}", 400, "unknown_field", "unknown field 'priority'"},
            {infer, "{\"inputs\": [" + ITEMS + ", ", 400, "malformed_json", "body is not JSON"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> r = http.post((String) c[0], (String) c[1]);
            assertThat(r.statusCode()).as("%s %s", c[0], c[1]).isEqualTo(c[2]);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.size()).as("only the protocol's one field: %s", r.body()).isEqualTo(1);
            assertThat(error.get("error").asText()).as("%s", c[1]).contains((String) c[4]).doesNotContain("\n");
        }
        String metrics = Exposition.withoutModelLabels(http.get("/metrics").body());
        for (Object[] c : cases) {
            assertThat(metrics).contains("store_model_rejected_requests_total{reason=\"" + c[3] + "\"}");
        }
        HttpResponse<String> get = http.get(infer);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(JSON.readTree(get.body()).get("error").asText()).contains("use POST");
        HttpResponse<String> text = http.send("POST", infer, "text/plain", infer(ITEMS, CUSTOMERS));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(http.send("POST", infer, null, infer(ITEMS, CUSTOMERS)).statusCode())
                .as("no Content-Type: the protocol's body is JSON anyway").isEqualTo(200);
        assertThat(http.get("/v2/models/store-success/explain").statusCode()).isEqualTo(404);
    }

    @Test
    void theScikitLearnModelAnswersBesideTheStoreModelWithItsOwnTypesAndRanges() throws Exception {
        String path = "/v2/models/order-return/infer";
        String body = """
                {"inputs": [{"name": "items_in_order", "shape": [2], "datatype": "INT32", "data": [4, 12]},
                            {"name": "discount_ratio", "shape": [2], "datatype": "FP32", "data": [0.2, %s]},
                            {"name": "channel", "shape": [2], "datatype": "INT32", "data": [1, %s]},
                            {"name": "customer_tenure_days", "shape": [2], "datatype": "INT32", "data": [365, 30]}]}""";
        HttpResponse<String> r = http.post(path, body.formatted("0.6", "2"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("model_version").asText()).isEqualTo("1");
        JsonNode probability = answer.get("outputs").get(1);
        assertThat(probability.get("datatype").asText()).isEqualTo("FP32");
        double[] expected = new double[2];
        registry.current("order-return").orElseThrow().predict(new double[] {4, 0.2, 1, 365, 12, 0.6, 2, 30}, 2, expected);
        assertThat(probability.get("data").get(0).floatValue()).isEqualTo((float) expected[0]);
        assertThat(probability.get("data").get(1).floatValue()).isEqualTo((float) expected[1]);
        assertThat(answer.get("outputs").get(0).get("data").toString()).isEqualTo("[0,1]");

        HttpResponse<String> discount = http.post(path, body.formatted("1.5", "2"));
        assertThat(discount.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(discount.body()).get("error").asText())
                .isEqualTo("input 'discount_ratio' data[1] = 1.5 is outside what model.json accepts: [0, 1]");
        HttpResponse<String> channel = http.post(path, body.formatted("0.6", "3"));
        assertThat(channel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(channel.body()).get("error").asText())
                .isEqualTo("input 'channel' data[1] = 3 is outside what model.json accepts: one of {0=web, 1=app, 2=marketplace}");
        assertThat(JSON.readTree(http.get("/v2/models/order-return").body()).get("platform").asText())
                .isEqualTo("onnxruntime_onnx");
    }
}
