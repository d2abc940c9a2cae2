package dev.monitoringlab.http;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The server's own health as metrics, read at scrape time (no cost per request). */
public final class HttpServerMetrics {
    private HttpServerMetrics() {
    }

    /** Registers {@code PREFIX_http_connections_open}, {@code PREFIX_http_clients} and counters of what the server closed or failed. */
    public static void register(PrometheusRegistry registry, String prefix, HttpServer server) {
        GaugeWithCallback.builder()
                .name(prefix + "_http_connections_open")
                .help("HTTP connections open now, idle or not")
                .callback(cb -> cb.call(server.openConnections()))
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_connections_refused_total")
                .help("HTTP connections closed on arrival because the server's (limit=server) or the client's"
                        + " (limit=client) connection limit was reached")
                .labelNames("limit")
                .callback(cb -> {
                    cb.call(server.refusedConnections(), "server");
                    cb.call(server.refusedConnectionsPerClient(), "client");
                })
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_connections_shed_total")
                .help("Idle HTTP connections closed to make room for a new one at the connection limit")
                .callback(cb -> cb.call(server.shedConnections()))
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_write_timeouts_total")
                .help("HTTP connections closed because the client did not read its answers in time")
                .callback(cb -> cb.call(server.writeTimeouts()))
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_internal_errors_total")
                .help("Errors in the routes or the server other than I/O errors, each logged at WARNING")
                .callback(cb -> cb.call(server.internalErrors()))
                .register(registry);
        GaugeWithCallback.builder()
                .name(prefix + "_http_clients")
                .help("Distinct client addresses with an HTTP connection open now")
                .callback(cb -> cb.call(server.clients()))
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_request_timeouts_total")
                .help("HTTP connections closed because a request did not arrive whole in time")
                .callback(cb -> cb.call(server.requestTimeouts()))
                .register(registry);
    }
}
