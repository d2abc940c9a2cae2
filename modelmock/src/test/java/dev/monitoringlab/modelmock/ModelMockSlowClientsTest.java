package dev.monitoringlab.modelmock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.http.Promtool;
import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.http.SlowClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mock's /metrics under hostile clients: a scrape is answered while a thousand of them hang on. */
class ModelMockSlowClientsTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ModelMock mock;

    @BeforeEach
    void start() throws Exception {
        mock = ModelMock.start(ModelMockOptions.parse("--port", "0", "--values", "0.2,0.9"),
                ServerLimits.defaults().withRequestTimeout(REQUEST_TIMEOUT),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void aScrapeIsAnsweredWithinASecondWhileAThousandSlowClientsHangOnAndTheyAreClosedAfterTheTimeout() throws Exception {
        int n = SlowClients.affordable(1000);
        if (n < 1000) {
            System.out.println("file descriptor limit allows " + n + " slow connections, not 1000");
        }
        long openedAt = System.nanoTime();
        // idle, a partial request line, partial headers
        try (SlowClients slow = SlowClients.open(mock.port(), n, List.of("", "GET /metr", "GET /metrics HTTP/1.1\r\nHost: x\r\n"))) {
            String body = awaitOpen(n);
            assertThat(body).contains("model_result ");
            long t = System.nanoTime();
            HttpResponse<String> scrape = scrape();
            Duration took = Duration.ofNanos(System.nanoTime() - t);
            System.out.printf("scrape with %d slow connections open: %.1f ms%n", n, took.toNanos() / 1e6);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            slow.trickle('A');
            assertThat(slow.closedByServer()).as("closed before the timeout").isZero();
            slow.awaitAllClosed(REQUEST_TIMEOUT.plusSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - openedAt)).isGreaterThanOrEqualTo(REQUEST_TIMEOUT);
        }
        assertThat(scrape().body()).contains("modelmock_http_request_timeouts_total " + n + ".0");
    }

    @Test
    void theLiveMetricsPassPromtool() throws Exception {
        assertThat(Promtool.checkMetrics(scrape().body())).isEmpty();
    }

    /** Scrapes until the gauge shows all {@code n} slow connections open (the server accepts them in its own time). */
    private String awaitOpen(int n) throws Exception {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() / 2;
        String body;
        do {
            body = scrape().body();
            if (body.contains("modelmock_http_connections_open " + (n + 1) + ".0")) { // the slow ones and this scrape
                return body;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the mock never showed " + n + " open connections:\n" + body);
    }

    private HttpResponse<String> scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mock.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
