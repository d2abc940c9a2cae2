package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.metrics.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input never crashes the service and never yields a 5xx; every rejection is counted by reason. */
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERTS = "{}[]\",:-.e0123456789 \\\u00e9\u0000";
    private static final String GOOD = "{\"items_count\": 1500, \"customers_count\": 900}";
    private PredictionServer server;
    private TestClient http;

    private record Case(String method, String path, String contentType, String body, int status, RejectReason reason) {
    }

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
    void everyKindOfBadRequestGetsA4xxNamingFieldAndReasonAndIsCounted() throws Exception {
        String json = "application/json";
        List<Case> corpus = List.of(
                new Case("POST", "/predict", json, "{\"items_count\": 15", 400, RejectReason.MALFORMED_JSON),
                new Case("POST", "/predict", json, "", 400, RejectReason.MALFORMED_JSON),
                new Case("POST", "/predict", json, "{\"items_count\": NaN, \"customers_count\": 1}", 400, RejectReason.MALFORMED_JSON),
                new Case("POST", "/predict", json, "{\"items_count\": 1500}", 400, RejectReason.MISSING_FIELD),
                new Case("POST", "/predict", json, "{\"items_count\": 1, \"customers_count\": 1, \"store\": 7}", 400, RejectReason.UNKNOWN_FIELD),
                new Case("POST", "/predict", json, "{\"items_count\": \"NaN\", \"customers_count\": 1}", 400, RejectReason.WRONG_TYPE),
                new Case("POST", "/predict", json, "{\"items_count\": -5, \"customers_count\": 1}", 400, RejectReason.NEGATIVE_VALUE),
                new Case("POST", "/predict", json, "{\"items_count\": 1500.5, \"customers_count\": 1}", 400, RejectReason.NOT_INTEGER),
                new Case("POST", "/predict", json, "{\"items_count\": 1e12, \"customers_count\": 1}", 400, RejectReason.TOO_LARGE),
                new Case("POST", "/predict", json, "{\"records\": []}", 400, RejectReason.EMPTY_BATCH),
                new Case("POST", "/predict", json, batch(1001), 400, RejectReason.BATCH_TOO_LARGE),
                new Case("POST", "/predict", json, "{\"records\": [" + "1,".repeat(40_000) + "1]}", 413, RejectReason.BODY_TOO_LARGE),
                new Case("GET", "/predict", null, null, 405, RejectReason.METHOD_NOT_ALLOWED),
                new Case("DELETE", "/health", null, null, 405, RejectReason.METHOD_NOT_ALLOWED),
                new Case("POST", "/predict", "text/plain", GOOD, 415, RejectReason.UNSUPPORTED_MEDIA_TYPE),
                new Case("POST", "/predict", null, GOOD, 415, RejectReason.UNSUPPORTED_MEDIA_TYPE),
                new Case("GET", "/admin/../etc/passwd", null, null, 404, RejectReason.NOT_FOUND),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\", \"label\": ", 400, RejectReason.MALFORMED_JSON),
                new Case("POST", "/feedback", json, "[1, 0]", 400, RejectReason.WRONG_TYPE),
                new Case("POST", "/feedback", json, "{\"label\": 1}", 400, RejectReason.MISSING_FIELD),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\"}", 400, RejectReason.MISSING_FIELD),
                new Case("POST", "/feedback", json, "{\"id\": 17, \"label\": 1}", 400, RejectReason.WRONG_TYPE),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\", \"label\": \"1\"}", 400, RejectReason.WRONG_TYPE),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\", \"label\": 2}", 400, RejectReason.BAD_LABEL),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\", \"label\": 0.5}", 400, RejectReason.BAD_LABEL),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\", \"label\": 1, \"why\": 1}", 400, RejectReason.UNKNOWN_FIELD),
                new Case("POST", "/feedback", json, "{\"feedback\": []}", 400, RejectReason.EMPTY_BATCH),
                new Case("POST", "/feedback", json, "{\"feedback\": [7]}", 400, RejectReason.WRONG_TYPE),
                new Case("POST", "/feedback", json, "{\"feedback\": [" + "{\"id\":\"a-1\",\"label\":1},".repeat(1000)
                        + "{\"id\":\"a-1\",\"label\":1}]}", 400, RejectReason.BATCH_TOO_LARGE),
                new Case("POST", "/feedback", json, "{\"id\": \"a-1\", \"label\": 1}", 404, RejectReason.UNKNOWN_ID),
                new Case("POST", "/feedback", "text/plain", "{\"id\": \"a-1\", \"label\": 1}", 415, RejectReason.UNSUPPORTED_MEDIA_TYPE),
                new Case("GET", "/feedback", null, null, 405, RejectReason.METHOD_NOT_ALLOWED));
        Map<RejectReason, Integer> expected = new EnumMap<>(RejectReason.class);
        for (Case c : corpus) {
            HttpResponse<String> r = http.send(c.method(), c.path(), c.contentType(), c.body());
            assertThat(r.statusCode()).as("%s %s %s", c.method(), c.path(), abbreviate(c.body())).isEqualTo(c.status());
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("reason").asText()).isEqualTo(c.reason().label());
            assertThat(error.get("field").asText()).isNotBlank();
            assertThat(error.get("error").asText()).isNotBlank();
            expected.merge(c.reason(), 1, Integer::sum);
        }
        assertThat(http.send("GET", "/predict", null, null).headers().firstValue("Allow")).hasValue("POST");
        expected.merge(RejectReason.METHOD_NOT_ALLOWED, 1, Integer::sum);
        assertThat(JSON.readTree(http.post("/predict", "{\"items_count\": -5, \"customers_count\": 1}").body())
                .get("field").asText()).isEqualTo("items_count");
        expected.merge(RejectReason.NEGATIVE_VALUE, 1, Integer::sum);

        for (Map.Entry<RejectReason, Integer> e : expected.entrySet()) {
            assertThat(PredictionServerTest.sample(http,
                    "store_model_rejected_requests_total{reason=\"" + e.getKey().label() + "\"}"))
                    .as("rejected %s", e.getKey()).isEqualTo(e.getValue().doubleValue());
        }
        assertStillHealthy();
    }

    @Test
    void aChunkedBodyOver64KbIsStoppedWithout5xx() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] big = ("{\"records\": [" + "{\"items_count\":1,\"customers_count\":2},".repeat(3000)).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        try {
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        } catch (java.io.IOException e) {
            // the server may close the connection before the client finished sending; that is no 5xx either
        }
        assertStillHealthy();
    }

    @Test
    void aBodyCutShortOrBadlyChunkedIsA400NotA5xx() throws Exception {
        String head = "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
        assertThat(raw(head + "Transfer-Encoding: chunked\r\n\r\nZZ-not-hex\r\n{}\r\n0\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("incomplete_body");
        assertThat(raw(head + "Content-Length: 100\r\n\r\n{\"items_count\": 1"))
                .startsWith("HTTP/1.1 400").contains("incomplete_body");
        assertThat(PredictionServerTest.sample(http, "store_model_rejected_requests_total{reason=\"incomplete_body\"}"))
                .isEqualTo(2.0);
        assertStillHealthy();
    }

    @Test
    void headersTooLargeAndBytesThatAreNotHttpGetA4xxJsonToo() throws Exception {
        assertThat(raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "x".repeat(9000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431").contains("\"reason\":\"headers_too_large\"", "\"field\":\"headers\"");
        assertThat(raw("\u0016\u0003\u0001 not http\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"reason\":\"malformed_request\"", "\"field\":\"request\"");
        assertThat(PredictionServerTest.sample(http, "store_model_rejected_requests_total{reason=\"headers_too_large\"}"))
                .isEqualTo(1.0);
        assertThat(PredictionServerTest.sample(http, "store_model_rejected_requests_total{reason=\"malformed_request\"}"))
                .isEqualTo(1.0);
        assertStillHealthy();
    }

    @Test
    void aMalformedContentLengthIsA400CountedAsRejected() throws Exception {
        String head = "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
        for (String length : java.util.List.of("abc", "5, 5")) {
            assertThat(raw(head + "Content-Length: " + length + "\r\n\r\n{}"))
                    .as("Content-Length: %s", length).startsWith("HTTP/1.1 400").contains("\"reason\":\"malformed_request\"");
        }
        assertThat(PredictionServerTest.sample(http, "store_model_rejected_requests_total{reason=\"malformed_request\"}"))
                .isEqualTo(2.0);
        assertThat(PredictionServerTest.sample(http, "store_model_http_internal_errors_total")).isZero();
        assertStillHealthy();
    }

    /** Sends raw bytes, half-closes, and returns what the server answered before closing. */
    private String raw(String request) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            s.setSoTimeout(3000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void seededRandomGarbageNeverGetsA5xx() throws Exception {
        Random random = new Random(20220727);
        String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
        String[] paths = {"/predict", "/predict", "/predict", "/health", "/metrics", "/docs", "/x", "/predict/", "/feedback", "/feedback"};
        String[] types = {"application/json", "application/json; charset=utf-8", "text/plain", null, "APPLICATION/JSON"};
        int served = 0;
        for (int i = 0; i < 300; i++) {
            String body = switch (random.nextInt(5)) {
                case 4 -> mutate(random, "{\"feedback\": [{\"id\": \"0a1b2c3d-12\", \"label\": 1}, {\"id\": \"x-1\", \"label\": 0}]}");
                case 0 -> randomText(random, random.nextInt(200));
                case 1 -> mutate(random, GOOD);
                case 2 -> mutate(random, batch(1 + random.nextInt(5)));
                default -> "{\"items_count\": " + wildNumber(random) + ", \"customers_count\": " + wildNumber(random) + "}";
            };
            String method = methods[random.nextInt(methods.length)];
            HttpResponse<String> r = http.send(method, paths[random.nextInt(paths.length)],
                    types[random.nextInt(types.length)], method.equals("GET") ? null : body);
            assertThat(r.statusCode()).as("request %d: %s", i, abbreviate(body)).isBetween(200, 499);
            served++;
        }
        // bytes that are not HTTP at all, on raw sockets
        for (int i = 0; i < 20; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
                s.setSoTimeout(500);
                OutputStream out = s.getOutputStream();
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                out.write(noise);
                out.write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // ends the "request"
                out.flush();
                s.shutdownOutput();
                s.getInputStream().read(new byte[256]);
            } catch (java.io.IOException e) {
                // a reset or a timeout of the garbage connection is fine; the service must survive it
            }
        }
        assertThat(served).isEqualTo(300);
        String metrics = http.get("/metrics").body();
        assertThat(metrics.lines().filter(l -> l.startsWith("store_model_http_requests_total{") && l.contains("status=\"5")))
                .isEmpty();
        assertThat(PredictionServerTest.sample(http, "store_model_rejected_requests_total{reason=\"malformed_json\"}"))
                .isPositive();
        assertStillHealthy();
    }

    private void assertStillHealthy() throws Exception {
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.post("/predict", GOOD).statusCode()).isEqualTo(200);
    }

    private static String batch(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"items_count\":" + (1000 + i) + ",\"customers_count\":" + (200 + i) + "}")
                .collect(Collectors.joining(",", "{\"records\":[", "]}"));
    }

    private static String mutate(Random random, String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = 1 + random.nextInt(4); k > 0 && sb.length() > 0; k--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, INSERTS.charAt(random.nextInt(INSERTS.length())));
                default -> sb.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return sb.toString();
    }

    private static String wildNumber(Random random) {
        String[] w = {"-0", "0", "1e308", "-1e-308", "1.0000000001", "2147483648", "-2147483649", "1000000", "1000001",
                "0.0", "12E2", "true", "\"12\"", "[]", "{}", "null", "Infinity", "0x10", "007"};
        return w[random.nextInt(w.length)];
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(0x3000));
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
