package dev.monitoringlab.http;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The server's own health as metrics, read at scrape time (no cost per request). */
public final class HttpServerMetrics {
    private HttpServerMetrics() {
    }

    /** Registers {@code PREFIX_http_connections_open} and two counters of connections the server closed. */
    public static void register(PrometheusRegistry registry, String prefix, HttpServer server) {
        GaugeWithCallback.builder()
                .name(prefix + "_http_connections_open")
                .help("HTTP connections open now, idle or not")
                .callback(cb -> cb.call(server.openConnections()))
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_connections_refused_total")
                .help("HTTP connections closed on arrival because the connection limit was reached")
                .callback(cb -> cb.call(server.refusedConnections()))
                .register(registry);
        CounterWithCallback.builder()
                .name(prefix + "_http_request_timeouts_total")
                .help("HTTP connections closed because a request did not arrive whole in time")
                .callback(cb -> cb.call(server.requestTimeouts()))
                .register(registry);
    }
}
