package dev.monitoringlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clients that do not read, hog connections, or send broken framing; and routes that throw. */
class HostileClientsTest {
    /** An answer of 4 KiB, the size of the mock's /metrics. */
    private static final String BIG = "x".repeat(4096);
    private final AtomicInteger handled = new AtomicInteger();
    private final List<Problem> problems = new ArrayList<>();
    private HttpServer server;

    private final Handler handler = new Handler() {
        @Override
        public Response handle(Request r) {
            handled.incrementAndGet();
            return switch (r.path()) {
                case "/big" -> Response.text(200, BIG);
                case "/bug" -> throw new IllegalStateException("a bug in a route");
                case "/oom" -> throw new OutOfMemoryError("Java heap space (simulated)");
                default -> Response.text(200, "ok " + r.path() + " " + new String(r.body(), StandardCharsets.UTF_8));
            };
        }

        @Override
        public Response rejected(Request r, Problem p) {
            synchronized (problems) {
                problems.add(p);
            }
            return Response.text(p.status(), p.name() + "\n");
        }
    };

    private void start(ServerLimits limits) throws Exception {
        server = HttpServer.start("127.0.0.1", 0, 2, limits, handler);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatPipelinesAndNeverReadsIsPausedThenClosedAfterTheWriteTimeoutWhileOthersAreServed() throws Exception {
        Duration writeTimeout = Duration.ofSeconds(5);
        start(ServerLimits.defaults().withWriteTimeout(writeTimeout));
        byte[] requests = "GET /big HTTP/1.1\r\nHost: a\r\n\r\n".repeat(1000).getBytes(StandardCharsets.ISO_8859_1);
        try (SocketChannel reader = SocketChannel.open()) {
            reader.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4096);
            reader.connect(new InetSocketAddress("127.0.0.1", server.port()));
            reader.configureBlocking(false);
            long sent = 0;
            long blockedSince = 0;
            long start = System.nanoTime();
            // write until the server stops reading: its kernel buffers fill and our writes take nothing for 300 ms
            while (System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
                int n = reader.write(ByteBuffer.wrap(requests));
                sent += n;
                if (n > 0) {
                    blockedSince = 0;
                } else if (blockedSince == 0) {
                    blockedSince = System.nanoTime();
                } else if (System.nanoTime() - blockedSince > 300_000_000L) {
                    break;
                }
                Thread.sleep(1);
            }
            assertThat(blockedSince).as("the server stopped taking requests").isNotZero();
            int handledWhenBlocked = handled.get();
            System.out.printf("sent %d KiB of requests, %d answered before the server stopped reading%n",
                    sent / 1024, handledWhenBlocked);
            // answers beyond what the kernel's buffers hold stay in the server: at most 16 in flight
            assertThat((long) handledWhenBlocked * BIG.length()).as("answers produced").isLessThan(16L * 1024 * 1024);
            assertThat(sent / 29).as("requests sent").isGreaterThan(handledWhenBlocked);

            long t = System.nanoTime();
            assertThat(raw("GET /other HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(1));
            assertThat(handled.get()).as("no more of the reader's requests were answered").isEqualTo(handledWhenBlocked + 1);

            awaitTrue(() -> server.writeTimeouts() == 1, writeTimeout.plusSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(writeTimeout);
        }
        awaitOpenConnections(0);
    }

    @Test
    void aClientThatReadsSlowlyGetsEveryAnswerInOrder() throws Exception {
        start(ServerLimits.defaults().withMaxRequestsInFlight(2).withWriteBufferBytes(8 * 1024));
        int n = 200;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n; i++) {
            all.append("GET /").append(i).append(" HTTP/1.1\r\nHost: a\r\n\r\n");
        }
        try (Socket s = socket()) {
            s.getOutputStream().write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < n; i++) {
                assertThat(readResponse(s.getInputStream())).endsWith("ok /" + i + " ");
            }
        }
        assertThat(server.writeTimeouts()).isZero();
    }

    @Test
    void oneClientCannotTakeMoreThanItsShareOfTheConnections() throws Exception {
        start(ServerLimits.defaults().withMaxConnectionsPerClient(3));
        List<Socket> hog = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                hog.add(socketFrom("127.0.0.2"));
            }
            awaitOpenConnections(3);
            try (Socket extra = socketFrom("127.0.0.2")) {
                assertThat(extra.getInputStream().read()).as("closed at once").isEqualTo(-1);
            }
            assertThat(server.refusedConnectionsPerClient()).isEqualTo(1);
            try (Socket other = socketFrom("127.0.0.3")) {
                other.getOutputStream().write("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readResponse(other.getInputStream())).startsWith("HTTP/1.1 200");
                assertThat(server.clients()).isEqualTo(2);
            }
            assertThat(server.refusedConnections()).isZero();
        } finally {
            for (Socket s : hog) {
                s.close();
            }
        }
    }

    @Test
    void atTheCapAnIdleConnectionOfTheBusiestClientGivesWay() throws Exception {
        start(ServerLimits.defaults().withMaxConnections(4));
        List<Socket> idle = new ArrayList<>();
        try (Socket busy = socketFrom("127.0.0.3")) {
            // a connection in the middle of a request is not idle and is never shed
            busy.getOutputStream().write("GET /slow HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 3; i++) {
                idle.add(socketFrom("127.0.0.2"));
            }
            awaitOpenConnections(4);
            try (Socket newcomer = socketFrom("127.0.0.4")) {
                newcomer.getOutputStream().write("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readResponse(newcomer.getInputStream())).startsWith("HTTP/1.1 200");
            }
            awaitTrue(() -> server.shedConnections() == 1, Duration.ofSeconds(5)); // on the victim's own event loop
            assertThat(server.refusedConnections()).isZero();
            assertThat(idle.stream().filter(HostileClientsTest::closedByPeer).count()).isEqualTo(1);
            busy.getOutputStream().write("Host: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(busy.getInputStream())).endsWith("ok /slow ");
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void aThrowingRouteIsLoggedAtWarningCountedAndAnswered500AndTheConnectionStaysUsable() throws Exception {
        start(ServerLimits.defaults());
        List<LogRecord> logged = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (logged) {
                    logged.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Dispatcher.class.getName());
        log.addHandler(capture);
        try (Socket s = socket()) {
            for (String path : List.of("/bug", "/oom")) {
                s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 500");
            }
            s.getOutputStream().write("GET /fine HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 200");
        } finally {
            log.removeHandler(capture);
        }
        assertThat(server.internalErrors()).isEqualTo(2);
        synchronized (logged) {
            assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.WARNING);
            assertThat(logged.get(1).getMessage()).contains("/oom", "OutOfMemoryError");
        }
    }

    @Test
    void aMalformedContentLengthIsA400ThroughTheHandler() throws Exception {
        start(ServerLimits.defaults());
        for (String length : List.of("abc", "5, 5", "-1")) {
            assertThat(raw("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: " + length + "\r\n\r\nhello"))
                    .as("Content-Length: %s", length).startsWith("HTTP/1.1 400").contains("MALFORMED_REQUEST");
        }
        assertThat(problems).containsExactly(Problem.MALFORMED_REQUEST, Problem.MALFORMED_REQUEST, Problem.MALFORMED_REQUEST);
        assertThat(server.internalErrors()).isZero();
    }

    @Test
    void aRequestCutOffByTheTimeoutIsAnswered408() throws Exception {
        Duration timeout = Duration.ofMillis(800);
        start(ServerLimits.defaults().withRequestTimeout(timeout));
        try (Socket s = socket()) {
            long t = System.nanoTime();
            s.getOutputStream().write("GET /late HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("connection: close");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(timeout);
        }
        assertThat(server.requestTimeouts()).isEqualTo(1);
    }

    @Test
    void expectContinueIsAcceptedAtTheLimitAndRefused413AboveItBeforeTheBodyIsSent() throws Exception {
        start(ServerLimits.defaults().withMaxBodyBytes(100));
        try (Socket s = socket()) {
            s.getOutputStream().write("POST /p HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 100");
            s.getOutputStream().write("y".repeat(100).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 200").endsWith("ok /p " + "y".repeat(100));
        }
        try (Socket s = socket()) {
            s.getOutputStream().write("POST /p HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 101\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE");
        }
        assertThat(problems).containsExactly(Problem.BODY_TOO_LARGE);
    }

    @Test
    void aChunkDeclaredOverTheLimitIsRefused413WhenItsSizeLineArrivesWhileTheClientStillSends() throws Exception {
        Duration timeout = Duration.ofSeconds(30);
        start(ServerLimits.defaults().withMaxBodyBytes(100).withRequestTimeout(timeout));
        try (Socket s = socket()) {
            long t = System.nanoTime();
            // 1 MiB announced, 10 bytes sent, the connection kept open: before, the answer waited for 100 bytes
            s.getOutputStream().write(("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n"
                    + "x".repeat(10)).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE",
                    "connection: close");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).as("answered long before the request timeout")
                    .isLessThan(timeout.dividedBy(2));
        }
        try (Socket s = socket()) { // the sizes add up: 60 + 41 declared > 100, refused at the second size line
            s.getOutputStream().write(("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3c\r\n"
                    + "y".repeat(60) + "\r\n29;name=value\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 413");
        }
        try (Socket s = socket()) { // exactly the limit, in chunks with an extension and a trailer: answered
            s.getOutputStream().write(("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3c\r\n"
                    + "y".repeat(60) + "\r\n28;name=value\r\n" + "z".repeat(40) + "\r\n0\r\nX-Sum: 1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(s.getInputStream())).startsWith("HTTP/1.1 200")
                    .endsWith("ok /p " + "y".repeat(60) + "z".repeat(40));
        }
        assertThat(problems).containsExactly(Problem.BODY_TOO_LARGE, Problem.BODY_TOO_LARGE);
        assertThat(server.requestTimeouts()).isZero();
    }

    private static boolean closedByPeer(Socket s) {
        try {
            s.setSoTimeout(200);
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private void awaitOpenConnections(int n) throws InterruptedException {
        awaitTrue(() -> server.openConnections() == n, Duration.ofSeconds(10));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after %s", max).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Socket socket() throws Exception {
        return socketFrom("127.0.0.1");
    }

    /** A connection from one loopback address to another: the server sees distinct clients. */
    private Socket socketFrom(String source) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    private String raw(String request) throws Exception {
        try (Socket s = socket()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            headers.append((char) c);
        }
        return headers.toString();
    }

    private static String readResponse(InputStream in) throws Exception {
        String head = readHead(in);
        String h = head.toLowerCase(java.util.Locale.ROOT);
        int i = h.indexOf("content-length: ");
        int length = Integer.parseInt(h.substring(i + 16, h.indexOf("\r\n", i)).trim());
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
