package dev.monitoringlab.serving.traffic;

import dev.monitoringlab.serving.data.InputDistribution;
import dev.monitoringlab.serving.data.TruthProcess;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the workshop's scenario generator against a running service: {@code rate} single-record
 * predictions per second for {@code duration}, inputs drawn from the scenario's distribution with a seed,
 * so a run is repeatable. At most {@value #MAX_IN_FLIGHT} requests wait for an answer at once. The true label of
 * each day, drawn from the scenario's truth process, is sent to {@code /feedback} after the feedback delay,
 * as a shop would report its day later; the run ends when the last label is sent.
 */
public final class TrafficRunner {
    static final int MAX_IN_FLIGHT = 64;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The named scenarios: the workshop's two, and concept drift, where the inputs look like training but the
     * relationship to the truth has changed, which no input drift score can see.
     */
    public enum Scenario {
        NORMAL(InputDistribution.TRAINING, TruthProcess.TRAINING),
        FAULTY(InputDistribution.FAULTY, TruthProcess.TRAINING),
        CONCEPT_DRIFT(InputDistribution.TRAINING, TruthProcess.CONCEPT_DRIFT);

        private final InputDistribution inputs;
        private final TruthProcess truth;

        Scenario(InputDistribution inputs, TruthProcess truth) {
            this.inputs = inputs;
            this.truth = truth;
        }

        public InputDistribution inputs() {
            return inputs;
        }

        public TruthProcess truth() {
            return truth;
        }

        /** The name on the command line: normal, faulty, concept-drift. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Scenario> byLabel(String label) {
            return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
        }
    }

    /** No feedback at all: the workshop's original traffic. */
    public static final Duration NO_FEEDBACK = Duration.ofSeconds(-1);

    private final URI predictUri;
    private final URI feedbackUri;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public TrafficRunner(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.predictUri = URI.create(base + "/predict");
        this.feedbackUri = URI.create(base + "/feedback");
    }

    /** With no feedback. */
    public TrafficSummary run(Scenario scenario, double rate, Duration duration, long seed, PrintStream progress)
            throws InterruptedException {
        return run(scenario, rate, duration, seed, NO_FEEDBACK, progress);
    }

    /** {@code feedbackDelay}: how long after its answer each prediction's true label is sent; negative: never. */
    public TrafficSummary run(Scenario scenario, double rate, Duration duration, long seed, Duration feedbackDelay,
            PrintStream progress) throws InterruptedException {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feedback");
            t.setDaemon(true);
            return t;
        });
        AtomicLong labelsSent = new AtomicLong();
        AtomicLong labelsCorrect = new AtomicLong();
        AtomicLong labelsFailed = new AtomicLong();
        Semaphore labelsInFlight = new Semaphore(MAX_IN_FLIGHT);
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
            int truth = scenario.truth().label(items, customers, random);
            inFlight.acquire();
            send(items, customers).whenComplete((answer, err) -> {
                if (err != null || answer == null) {
                    errors.incrementAndGet();
                } else {
                    (answer.label() == 1 ? successful : normal).incrementAndGet();
                    if (!feedbackDelay.isNegative() && answer.id() != null) {
                        // Bounded when the label is sent, on the feedback thread: rate x delay labels wait their
                        // turn, and an answer's callback must never wait for one (it would hold the request's
                        // in-flight permit and slow the predictions below the rate asked for).
                        later.schedule(() -> {
                            labelsInFlight.acquireUninterruptibly();
                            feedback(answer.id(), truth).whenComplete((ok, e) -> {
                                labelsSent.incrementAndGet();
                                if (e != null || !ok) {
                                    labelsFailed.incrementAndGet();
                                } else if (truth == answer.label()) {
                                    labelsCorrect.incrementAndGet();
                                }
                                labelsInFlight.release();
                            });
                        }, feedbackDelay.toNanos(), TimeUnit.NANOSECONDS);
                    }
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
        later.shutdown(); // runs the labels already scheduled, then stops
        long waitMillis = Math.max(0, feedbackDelay.toMillis()) + REQUEST_TIMEOUT.toMillis() + 2000;
        if (!later.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)
                || !labelsInFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
            later.shutdownNow();
        }
        return new TrafficSummary(scenario.label(), total, errors.get(), normal.get(), successful.get(),
                labelsSent.get(), labelsFailed.get(), labelsCorrect.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The service's answer: the predicted label and the id to send the truth for (null when feedback is off). */
    private record Answer(int label, String id) {
    }

    /**
     * Whether the service counted the label (200). A label lost on the way (a kept-alive connection the server
     * closed, say) is sent once more: the service counts a repeated label once, so a resend is always safe.
     */
    private CompletableFuture<Boolean> feedback(String id, int label) {
        HttpRequest request = HttpRequest.newBuilder(feedbackUri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"label\":" + label + "}"))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .exceptionallyCompose(e -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .thenApply(r -> r.statusCode() == 200);
    }

    /** The service's answer, or null for any non-200 answer. */
    private CompletableFuture<Answer> send(int items, int customers) {
        HttpRequest request = HttpRequest.newBuilder(predictUri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items_count\":" + items + ",\"customers_count\":" + customers + "}"))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200) {
                return null;
            }
            Matcher id = ID.matcher(r.body());
            String found = id.find() ? id.group(1) : null;
            return r.body().contains("\"class\":\"successful\"") ? new Answer(1, found)
                    : r.body().contains("\"class\":\"normal\"") ? new Answer(0, found) : null;
        });
    }
}
