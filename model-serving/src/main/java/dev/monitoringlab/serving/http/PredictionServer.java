package dev.monitoringlab.serving.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.monitoringlab.serving.metrics.RejectReason;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import dev.monitoringlab.serving.model.StoreModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store model over HTTP, on the JDK's own server: it keeps the jar small, starts in well under a
 * second and meets the throughput target (see bench/). Every request ends in a JSON answer; a request the
 * service cannot use gets a 4xx naming the field and the reason, never a 5xx.
 */
public final class PredictionServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(PredictionServer.class.getName());

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms per request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Routes routes;

    private PredictionServer(HttpServer server, ExecutorService executor, Routes routes) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
    }

    /** Binds {@code host:port} (0 = any free port) and starts serving. */
    public static PredictionServer start(StoreModel model, ServingMetrics metrics, String host, int port, int threads)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        AtomicInteger n = new AtomicInteger();
        // threads == 0: handle requests on the server's dispatcher thread itself (no hand-off)
        ExecutorService executor = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Routes routes = new Routes(model, metrics);
        PredictionServer ps = new PredictionServer(server, executor, routes);
        server.createContext("/", ps::handle);
        server.setExecutor(executor);
        server.start();
        return ps;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String route = Routes.routeOf(exchange.getRequestURI().getRawPath());
        Response response;
        try {
            response = routes.dispatch(route, exchange.getRequestMethod(), exchange.getRequestHeaders(),
                    () -> readBody(exchange));
        } catch (ApiException e) {
            response = routes.rejected(route, e);
        } catch (RuntimeException | IOException e) {
            // a bug or a broken connection, not the caller's fault: log one line, answer 500 if still possible
            LOG.log(Level.WARNING, "request to " + route + " failed: " + e);
            response = Response.json(500, "{\"error\":\"internal error\",\"reason\":\"internal\"}");
        }
        try {
            send(exchange, response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        } finally {
            exchange.close();
            routes.metrics().request(route, response.status(), System.nanoTime() - start);
        }
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; a longer body is a 413 without reading the rest. */
    private static byte[] readBody(HttpExchange exchange) throws ApiException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                // the JDK server has already refused a malformed Content-Length; nothing to add here
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        byte[] buf = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                if (out.size() > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            // a body cut short or a broken chunked encoding is the client's doing, not a server error
            throw new ApiException(RejectReason.INCOMPLETE_BODY, "body",
                    "body could not be read to its end (connection closed or bad chunked encoding)");
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge() {
        return new ApiException(RejectReason.BODY_TOO_LARGE, "body",
                "body is larger than " + MAX_BODY_BYTES + " bytes; split the batch");
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        if (response.status() == 413) {
            headers.set("Connection", "close"); // the unread rest of the body must not be parsed as a request
        }
        byte[] body = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** What a route answers. */
    public record Response(int status, String contentType, byte[] body, java.util.Map<String, String> headers) {
        static Response json(int status, String json) {
            return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8), java.util.Map.of());
        }
    }
}
