package dev.monitoringlab.modelmock;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The running mock: a metrics server and a timer that sets a new {@code model_result} every interval. */
public final class ModelMock implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final ExecutorService httpThreads;
    private final HTTPServer server;

    private ModelMock(ScheduledExecutorService timer, ExecutorService httpThreads, HTTPServer server) {
        this.timer = timer;
        this.httpThreads = httpThreads;
        this.server = server;
    }

    public static ModelMock start(ModelMockOptions options, PrintStream log) throws IOException {
        // The JDK's HTTP server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs hold each keep-alive response for ~40 ms (300 scrapes/s instead of tens of thousands).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        ModelMockMetrics metrics = new ModelMockMetrics(registry);
        ValueSource source = options.values()
                .map(ValueSource::cycling)
                .orElseGet(() -> ValueSource.uniform(options.seed().isPresent()
                        ? new SplittableRandom(options.seed().getAsLong()) : new SplittableRandom()));

        // A few threads serve scrapes in parallel; the timer never waits for them.
        ExecutorService httpThreads = Executors.newFixedThreadPool(4, daemon("modelmock-http"));
        HTTPServer server = HTTPServer.builder()
                .hostname(options.host())
                .port(options.port())
                .registry(registry)
                .executorService(httpThreads)
                .buildAndStart();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("modelmock-timer"));
        timer.scheduleAtFixedRate(() -> {
            double value = source.next();
            metrics.record(value);
            log.println(Instant.now() + " model_result=" + value);
        }, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        return new ModelMock(timer, httpThreads, server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close();
        httpThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
