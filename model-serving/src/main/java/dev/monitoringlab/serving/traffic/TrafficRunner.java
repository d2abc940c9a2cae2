package dev.monitoringlab.serving.traffic;

import dev.monitoringlab.serving.data.InputDistribution;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays the workshop's scenario generator against a running service: {@code rate} single-record
 * predictions per second for {@code duration}, inputs drawn from the scenario's distribution with a seed,
 * so a run is repeatable. At most {@value #MAX_IN_FLIGHT} requests wait for an answer at once.
 */
public final class TrafficRunner {
    static final int MAX_IN_FLIGHT = 64;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The named scenarios of the workshop. */
    public enum Scenario {
        NORMAL(InputDistribution.TRAINING),
        FAULTY(InputDistribution.FAULTY);

        private final InputDistribution inputs;

        Scenario(InputDistribution inputs) {
            this.inputs = inputs;
        }

        public InputDistribution inputs() {
            return inputs;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final URI predictUri;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public TrafficRunner(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.predictUri = URI.create(base + "/predict");
    }

    public TrafficSummary run(Scenario scenario, double rate, Duration duration, long seed, PrintStream progress)
            throws InterruptedException {
        long total = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
        SplittableRandom random = new SplittableRandom(seed);
        AtomicLong errors = new AtomicLong();
        AtomicLong normal = new AtomicLong();
        AtomicLong successful = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ProgressBar bar = new ProgressBar(progress);
        long start = System.nanoTime();
        double intervalNanos = 1e9 / rate;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int items = scenario.inputs().items(random);
            int customers = scenario.inputs().customers(random);
            inFlight.acquire();
            send(items, customers).whenComplete((cls, err) -> {
                if (err != null || cls == null) {
                    errors.incrementAndGet();
                } else if (cls.equals("successful")) {
                    successful.incrementAndGet();
                } else {
                    normal.incrementAndGet();
                }
                inFlight.release();
            });
            bar.update(i + 1, total, errors.get(), successful.get(), normal.get() + successful.get(), false);
        }
        // every request has a timeout, so this wait is bounded
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
            errors.addAndGet(MAX_IN_FLIGHT - inFlight.availablePermits());
        }
        bar.update(total, total, errors.get(), successful.get(), normal.get() + successful.get(), true);
        bar.finish();
        return new TrafficSummary(scenario.label(), total, errors.get(), normal.get(), successful.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The class the service answered, or null for any non-200 answer. */
    private CompletableFuture<String> send(int items, int customers) {
        HttpRequest request = HttpRequest.newBuilder(predictUri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items_count\":" + items + ",\"customers_count\":" + customers + "}"))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200) {
                return null;
            }
            return r.body().contains("\"class\":\"successful\"") ? "successful"
                    : r.body().contains("\"class\":\"normal\"") ? "normal" : null;
        });
    }
}
