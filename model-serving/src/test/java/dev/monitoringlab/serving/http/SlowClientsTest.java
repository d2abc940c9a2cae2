package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.http.SlowClients;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route under hostile clients: a thousand connections idle, or trickling a request line, headers or a
 * body, do not keep a normal request from being answered within a second, and the server closes them once the
 * request timeout has passed.
 */
class SlowClientsTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    private static final String GOOD = "{\"items_count\": 1500, \"customers_count\": 900}";
    private PredictionServer server;
    private TestClient http;

    @BeforeEach
    void start() throws Exception {
        server = PredictionServer.start(TestModels.model(), new PrometheusServingMetrics(TestModels.model().descriptor()),
                "127.0.0.1", 0, 2, ServerLimits.defaults().withRequestTimeout(REQUEST_TIMEOUT)
                        .withMaxBodyBytes(PredictionServer.MAX_BODY_BYTES));
        http = new TestClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/predict", "/health", "/metrics", "/docs", "/openapi.json"})
    void aRequestIsAnsweredWithinASecondWhileAThousandSlowClientsHangOnAndTheyAreClosedAfterTheTimeout(String route)
            throws Exception {
        int n = SlowClients.affordable(1000);
        if (n < 1000) {
            System.out.println("file descriptor limit allows " + n + " slow connections, not 1000");
        }
        String method = route.equals(Routes.PREDICT) ? "POST" : "GET";
        List<String> openings = List.of(
                "",                                                            // idle
                method + " " + route.substring(0, 3),                          // part of the request line
                method + " " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc", // part of the headers
                "POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + GOOD.length() + "\r\n\r\n" + GOOD.substring(0, 10)); // part of the body
        long openedAt = System.nanoTime();
        try (SlowClients slow = SlowClients.open(server.port(), n, openings)) {
            awaitOpenConnections(n);
            long t = System.nanoTime();
            HttpResponse<String> r = route.equals(Routes.PREDICT) ? http.post(route, GOOD) : http.get(route);
            Duration took = Duration.ofNanos(System.nanoTime() - t);
            System.out.printf("%s with %d slow connections open: %d, %.1f ms%n", route, n, r.statusCode(), took.toNanos() / 1e6);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            slow.trickle('x');
            assertThat(slow.closedByServer()).as("closed before the timeout").isZero();
            slow.awaitAllClosed(REQUEST_TIMEOUT.plusSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - openedAt)).isGreaterThanOrEqualTo(REQUEST_TIMEOUT);
        }
        assertThat(PredictionServerTest.sample(http, "store_model_http_request_timeouts_total")).isEqualTo(n);
    }

    /** Polls the gauge (each poll is itself a normal request) until the slow connections are all accepted. */
    private void awaitOpenConnections(int n) throws Exception {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() / 2;
        double open;
        while ((open = PredictionServerTest.sample(http, "store_model_http_connections_open")) < n + 1) {
            assertThat(System.nanoTime()).as("%s of %d slow connections open", open, n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
