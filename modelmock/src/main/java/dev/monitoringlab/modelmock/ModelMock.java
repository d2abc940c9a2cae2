package dev.monitoringlab.modelmock;

import dev.monitoringlab.http.HttpServer;
import dev.monitoringlab.http.HttpServerMetrics;
import dev.monitoringlab.http.ServerLimits;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The running mock: a metrics server and a timer that sets a new {@code model_result} every interval. */
public final class ModelMock implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final HttpServer server;

    private ModelMock(ScheduledExecutorService timer, HttpServer server) {
        this.timer = timer;
        this.server = server;
    }

    public static ModelMock start(ModelMockOptions options, PrintStream log) throws IOException {
        return start(options, ServerLimits.defaults(), log);
    }

    /** With the HTTP limits given: tests use short timeouts. */
    public static ModelMock start(ModelMockOptions options, ServerLimits limits, PrintStream log) throws IOException {
        ValueSource source = options.values()
                .map(ValueSource::cycling)
                .orElseGet(() -> ValueSource.uniform(options.seed().isPresent()
                        ? new SplittableRandom(options.seed().getAsLong()) : new SplittableRandom()));
        return start(options, limits, source, log);
    }

    /** With the values from {@code source}: tests inject one that fails. */
    static ModelMock start(ModelMockOptions options, ServerLimits limits, ValueSource source, PrintStream log)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        ModelMockMetrics metrics = new ModelMockMetrics(registry);

        // What /metrics shows changes only when the timer records a value or the server's counts change; the
        // routes render it again only then (see MetricsRoutes).
        AtomicLong values = new AtomicLong();
        AtomicReference<HttpServer> started = new AtomicReference<>();
        MetricsRoutes routes = new MetricsRoutes(registry, () -> {
            HttpServer s = started.get();
            return s == null ? new State(values.get(), -1, -1, -1, -1)
                    : new State(values.get(), s.openConnections(), s.clients(), s.refusedConnections() + s.refusedConnectionsPerClient(),
                            s.requestTimeouts() + s.writeTimeouts() + s.shedConnections() + s.internalErrors());
        });
        // Scrapes never block, so one event loop serves them all and also accepts (the mock's budget is 64 MB);
        // slow clients cost it a socket each, not a thread. The timer never waits for a scrape.
        HttpServer server = HttpServer.start(options.host(), options.port(), 0, limits.withMaxBodyBytes(0), routes);
        started.set(server);
        HttpServerMetrics.register(registry, "modelmock", server);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("modelmock-timer"));
        // A task of scheduleAtFixedRate that throws is never run again, silently: each tick catches what it throws
        // (an Error too), logs and counts it, and the next tick comes on time.
        timer.scheduleAtFixedRate(() -> {
            try {
                double value = source.next();
                metrics.record(value);
                log.println(Instant.now() + " model_result=" + value);
            } catch (Throwable e) { // NOPMD: an OutOfMemoryError must not stop the timer either
                metrics.updateFailed();
                log.println(Instant.now() + " model_result update failed: " + e);
            } finally {
                values.incrementAndGet(); // after the change: a scrape filed under the old count may show the new one
            }
        }, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        return new ModelMock(timer, server);
    }

    /**
     * Everything {@code /metrics} shows that can change: ticks of the timer, and the server's counts (each of
     * which only grows, so a sum changes whenever one of them does).
     */
    private record State(long ticks, int connectionsOpen, int clients, long connectionsRefused, long closedOrFailed) {
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
