package dev.monitoringlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private final List<Problem> problems = new ArrayList<>();
    private HttpServer server;

    private final Handler echo = new Handler() {
        @Override
        public Response handle(Request r) {
            return Response.text(200, r.method() + " " + r.path() + " q=" + r.query() + " type=" + r.header("content-type")
                    + " body=" + new String(r.body(), StandardCharsets.UTF_8));
        }

        @Override
        public Response rejected(Request r, Problem p) {
            synchronized (problems) {
                problems.add(p);
            }
            return Response.json(p.status(), "{\"reason\":\"" + p + "\",\"path\":\"" + r.path() + "\"}");
        }
    };

    private void start(ServerLimits limits) throws Exception {
        server = HttpServer.start("127.0.0.1", 0, 2, limits, echo);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersWholeRequestsWithHeadersQueryAndBodyAndKeepsTheConnection() throws Exception {
        start(ServerLimits.defaults());
        try (Socket s = socket()) {
            String twoRequests = "POST /p?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: text/x\r\nContent-Length: 3\r\n\r\nabc"
                    + "HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n";
            s.getOutputStream().write(twoRequests.getBytes(StandardCharsets.ISO_8859_1));
            String first = readResponse(s.getInputStream(), false);
            assertThat(first).startsWith("HTTP/1.1 200").endsWith("POST /p q=x=1 type=text/x body=abc");
            String second = readResponse(s.getInputStream(), true);
            assertThat(second).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n")
                    .contains("content-length: " + "HEAD /h q=null type=null body=".length());
            s.getOutputStream().write("GET /again HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream(), false)).as("the HEAD answer had no body").contains("GET /again");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void oversizedHeadersAndBodiesAndBrokenBodiesAreRefusedThroughTheHandler() throws Exception {
        start(ServerLimits.defaults().withMaxBodyBytes(100));
        assertThat(raw("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "x".repeat(9000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431").contains("HEADERS_TOO_LARGE");
        assertThat(raw("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n" + "x".repeat(101)))
                .startsWith("HTTP/1.1 413").contains("\"path\":\"/p\"", "connection: close");
        assertThat(raw("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + "64\r\n" + "x".repeat(100)
                + "\r\n64\r\n" + "x".repeat(100) + "\r\n0\r\n\r\n")).startsWith("HTTP/1.1 413");
        assertThat(raw("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\nonly part"))
                .startsWith("HTTP/1.1 400").contains("INCOMPLETE_BODY");
        assertThat(raw("\u0001\u0002 garbage\r\n\r\n")).startsWith("HTTP/1.1 400").contains("MALFORMED_REQUEST");
        assertThat(problems).containsExactly(Problem.HEADERS_TOO_LARGE, Problem.BODY_TOO_LARGE, Problem.BODY_TOO_LARGE,
                Problem.INCOMPLETE_BODY, Problem.MALFORMED_REQUEST);
    }

    @Test
    void slowClientsGetNoThreadAndAreClosedAfterTheRequestTimeout() throws Exception {
        start(ServerLimits.defaults().withRequestTimeout(REQUEST_TIMEOUT));
        int n = SlowClients.affordable(1000);
        assertThat(n).as("file descriptors for slow connections").isPositive();
        long openedAt = System.nanoTime();
        try (SlowClients slow = SlowClients.open(server.port(), n, List.of("", "GET / HTTP/1.1\r\nHo",
                "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n12"))) {
            System.out.printf("%d slow connections opened in %d ms%n", n, (System.nanoTime() - openedAt) / 1_000_000);
            awaitOpenConnections(n);
            System.out.printf("all open after %d ms%n", (System.nanoTime() - openedAt) / 1_000_000);
            long t = System.nanoTime();
            String answer = raw("GET /ok HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(1));
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("GET /ok q=null type=null body=");
            slow.trickle('x');
            assertThat(slow.closedByServer()).as("closed before the timeout").isZero();
            slow.awaitAllClosed(REQUEST_TIMEOUT.plusSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - openedAt)).isGreaterThanOrEqualTo(REQUEST_TIMEOUT);
        }
        assertThat(server.requestTimeouts()).isEqualTo(n);
        awaitOpenConnections(0);
    }

    @Test
    void keptAliveConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        start(ServerLimits.defaults().withIdleTimeout(Duration.ofMillis(300)));
        try (Socket s = socket()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream(), false)).startsWith("HTTP/1.1 200");
            s.setSoTimeout(5000);
            long t = System.nanoTime();
            assertThat(s.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        assertThat(server.requestTimeouts()).isZero();
    }

    @Test
    void connectionsOverTheLimitAreRefusedAndCounted() throws Exception {
        start(ServerLimits.defaults().withMaxConnections(5));
        // each in the middle of a request: none is idle, so none gives way to the newcomer
        try (SlowClients slow = SlowClients.open(server.port(), 5, List.of("GET / HTTP/1.1\r\n"))) {
            awaitOpenConnections(5);
            try (Socket extra = socket()) {
                extra.setSoTimeout(5000);
                assertThat(extra.getInputStream().read()).as("closed at once").isEqualTo(-1);
            }
            assertThat(server.refusedConnections()).isEqualTo(1);
            assertThat(slow.closedByServer()).isZero();
        }
        awaitOpenConnections(0);
        assertThat(raw("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void theGaugesReadTheServer() throws Exception {
        start(ServerLimits.defaults());
        var registry = new io.prometheus.metrics.model.registry.PrometheusRegistry();
        HttpServerMetrics.register(registry, "x", server);
        try (SlowClients slow = SlowClients.open(server.port(), 3, List.of(""))) {
            awaitOpenConnections(slow.count());
            Map<String, Double> values = new java.util.HashMap<>();
            registry.scrape().forEach(m -> m.getDataPoints().forEach(d -> values.put(m.getMetadata().getPrometheusName(),
                    d instanceof io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot g ? g.getValue()
                            : ((io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot) d).getValue())));
            assertThat(values).containsEntry("x_http_connections_open", 3.0)
                    .containsEntry("x_http_connections_refused", 0.0).containsEntry("x_http_request_timeouts", 0.0)
                    .containsEntry("x_http_connections_shed", 0.0).containsEntry("x_http_write_timeouts", 0.0)
                    .containsEntry("x_http_internal_errors", 0.0).containsEntry("x_http_clients", 1.0);
        }
    }

    private void awaitOpenConnections(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.openConnections() != n) {
            assertThat(System.nanoTime()).as("%d open connections, want %d", server.openConnections(), n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Socket socket() throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Sends raw bytes, half-closes, returns all the server answered. */
    private String raw(String request) throws Exception {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads one response with a content-length: headers, and the body unless it answers a HEAD. */
    private static String readResponse(InputStream in, boolean head) throws Exception {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            headers.append((char) c);
        }
        String h = headers.toString().toLowerCase(java.util.Locale.ROOT);
        int i = h.indexOf("content-length: ");
        int length = Integer.parseInt(h.substring(i + 16, h.indexOf("\r\n", i)).trim());
        return head ? headers.toString() : headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
