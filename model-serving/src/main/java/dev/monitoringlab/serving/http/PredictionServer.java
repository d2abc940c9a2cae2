package dev.monitoringlab.serving.http;

import dev.monitoringlab.http.Handler;
import dev.monitoringlab.http.HttpServer;
import dev.monitoringlab.http.Problem;
import dev.monitoringlab.http.Request;
import dev.monitoringlab.http.Response;
import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.metrics.RejectReason;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import dev.monitoringlab.serving.model.StoreModel;
import dev.monitoringlab.serving.repository.BundledSpecs;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.repository.ServedVersion;
import dev.monitoringlab.settings.PromDuration;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store model over HTTP, on the project's Netty server ({@link HttpServer}): slow or idle clients hold a
 * socket for a bounded time and never a request thread, so predictions and scrapes go on under a flood of
 * them. Every request ends in a JSON answer; a request the service cannot use gets a 4xx naming the field and
 * the reason, never a 5xx.
 */
public final class PredictionServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(PredictionServer.class.getName());

    private final HttpServer server;

    private PredictionServer(HttpServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (0 = any free port) and starts serving on {@code threads} event loops (0 = one for all). */
    public static PredictionServer start(StoreModel model, ServingMetrics metrics, String host, int port, int threads)
            throws IOException {
        return start(model, metrics, defaultFeedback(), host, port, threads);
    }

    /** {@code feedback}: where predictions await their label; null switches {@code /feedback} off. */
    public static PredictionServer start(StoreModel model, ServingMetrics metrics, FeedbackStore feedback, String host,
            int port, int threads) throws IOException {
        return start(model, metrics, feedback, host, port, threads,
                ServerLimits.defaults().withMaxBodyBytes(MAX_BODY_BYTES));
    }

    /** With the HTTP limits given: tests use short timeouts. */
    public static PredictionServer start(StoreModel model, ServingMetrics metrics, String host, int port, int threads,
            ServerLimits limits) throws IOException {
        return start(model, metrics, defaultFeedback(), host, port, threads, limits);
    }

    private static PredictionServer start(StoreModel model, ServingMetrics metrics, FeedbackStore feedback,
            String host, int port, int threads, ServerLimits limits) throws IOException {
        return start(model, ModelRegistry.of(ServedVersion.fromModelDirectory(model,
                BundledSpecs.spec(BundledSpecs.STORE_SUCCESS))), metrics, feedback, host, port, threads, limits);
    }

    /**
     * {@code /predict} answers with {@code model} (the store model, as before); the Open Inference Protocol's
     * routes with the models of {@code registry}.
     */
    public static PredictionServer start(StoreModel model, ModelRegistry registry, ServingMetrics metrics,
            FeedbackStore feedback, String host, int port, int threads, ServerLimits limits) throws IOException {
        registry.listen(metrics);
        HttpServer server = HttpServer.start(host, port, threads, limits, new Timed(new Routes(model, metrics, feedback,
                registry), metrics, limits.maxBodyBytes()));
        metrics.connections(server);
        return new PredictionServer(server);
    }

    /** The defaults of the settings store.feedback.capacity and store.feedback.retention. */
    public static FeedbackStore defaultFeedback() {
        return new FeedbackStore(Integer.parseInt(Setting.STORE_FEEDBACK_CAPACITY.defaultValue()),
                PromDuration.parse(Setting.STORE_FEEDBACK_RETENTION.defaultValue()));
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Routes every request, turns refusals into their JSON 4xx, and records route, status and duration. */
    private record Timed(Routes routes, ServingMetrics metrics, int maxBodyBytes) implements Handler {
        @Override
        public Response handle(Request request) {
            long start = System.nanoTime();
            String route = Routes.routeOf(request.path());
            Routes.Subject subject = routes.subject(route, request.path());
            Response response;
            try {
                response = routes.dispatch(route, request);
            } catch (ApiException e) {
                response = routes.rejected(route, subject, e);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "request to " + route + " failed: " + e);
                response = Response.json(500, "{\"error\":\"internal error\",\"reason\":\"internal\"}");
            }
            metrics.request(route, subject.model(), subject.version(), response.status(), System.nanoTime() - start);
            return response;
        }

        @Override
        public Response rejected(Request request, Problem problem) {
            long start = System.nanoTime();
            String route = Routes.routeOf(request.path());
            ApiException e = switch (problem) {
                case BODY_TOO_LARGE -> new ApiException(RejectReason.BODY_TOO_LARGE, "body",
                        "body is larger than " + maxBodyBytes + " bytes; split the batch");
                case INCOMPLETE_BODY -> new ApiException(RejectReason.INCOMPLETE_BODY, "body",
                        "body could not be read to its end (connection closed or bad chunked encoding)");
                case HEADERS_TOO_LARGE -> new ApiException(RejectReason.HEADERS_TOO_LARGE, "headers",
                        "request line or headers are too long");
                case MALFORMED_REQUEST -> new ApiException(RejectReason.MALFORMED_REQUEST, "request",
                        "not an HTTP/1.1 request");
            };
            Routes.Subject subject = routes.subject(route, request.path());
            Response response = routes.rejected(route, subject, e);
            metrics.request(route, subject.model(), subject.version(), response.status(), System.nanoTime() - start);
            return response;
        }
    }
}
