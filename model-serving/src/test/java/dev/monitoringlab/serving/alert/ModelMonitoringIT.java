package dev.monitoringlab.serving.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.StoreModelAccuracyRules;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.traffic.TrafficRunner;
import dev.monitoringlab.serving.traffic.TrafficRunner.Scenario;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.Waits;
import dev.monitoringlab.stack.receivers.FakeSlack;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model monitoring end to end: the service (drift window and feedback on), the real Prometheus and Alertmanager
 * from the generated rules, a Slack look-alike, and the traffic tool sending labels 2 s after each prediction.
 * Four phases, one printed timeline each: {@code normal} fires none of the model alerts (false positives counted);
 * {@code faulty} fires StoreModelInputDrift for customers_count, never for items_count, and the timeline says
 * when relative to StoreSuccessRateLow; after a return to normal, {@code concept-drift} fires
 * StoreModelAccuracyLow and no input drift. Windows are compressed (drift 20s, accuracy 30s, 'for' 10s); the
 * expressions are the production ones. The normal phase lasts 60 s, or {@code -Dmodel-monitoring.normal=600}
 * seconds for the long run the README reports.
 */
class ModelMonitoringIT {
    private static final List<String> MODEL_ALERTS = List.of("StoreSuccessRateLow", "StoreModelInputDrift",
            "StoreModelOutputDrift", "StoreModelAccuracyLow");
    private static final Duration NORMAL_PHASE = Duration.ofSeconds(Long.getLong("model-monitoring.normal", 60));
    private static final Duration DETECT_WITHIN = Duration.ofSeconds(120);
    private static final Duration DRIFT_WINDOW = Duration.ofSeconds(20);
    private static final Duration FEEDBACK_DELAY = Duration.ofSeconds(2);
    private static final double RATE = 20;

    @TempDir
    Path work;

    private record Event(Instant at, String what) {
    }

    /** One scenario's timeline: alert state changes, Slack messages and the scores, relative to its start. */
    private static final class Phase {
        final String name;
        final Instant start = Instant.now();
        final List<Event> events = new ArrayList<>();
        /** alert (with its feature, if any) -> every state it was seen in during the phase */
        final Map<String, List<String>> seen = new LinkedHashMap<>();
        final Map<String, Instant> firstFiring = new HashMap<>();

        Phase(String name) {
            this.name = name;
        }

        void event(Instant at, String what) {
            events.add(new Event(at, what));
        }

        double secondsTo(String key) {
            Instant at = firstFiring.get(key);
            return at == null ? Double.NaN : Duration.between(start, at).toMillis() / 1000.0;
        }

        boolean reached(String key, String state) {
            return seen.getOrDefault(key, List.of()).contains(state);
        }

        String text() {
            StringBuilder sb = new StringBuilder("--- " + name + " ---\n");
            events.stream().sorted(java.util.Comparator.comparing(Event::at)).forEach(e -> sb.append(String.format(
                    Locale.ROOT, "t+%5.1f s  %s%n", Duration.between(start, e.at()).toMillis() / 1000.0, e.what())));
            return sb.toString();
        }
    }

    private final List<Phase> phases = new ArrayList<>();
    private final Map<String, String> states = new HashMap<>();
    private int slackSeen;

    @Test
    void driftAndAccuracyAlertsFireForTheirCauseAndNormalTrafficFiresNone() throws Exception {
        MonitoringSettings base = LiveStacks.onFreePorts()
                .with(Setting.STORE_SUCCESS_WINDOW, "20s")
                .with(Setting.STORE_SUCCESS_FOR, "10s")
                .with(Setting.STORE_DRIFT_WINDOW, DRIFT_WINDOW.toSeconds() + "s")
                .with(Setting.STORE_DRIFT_FOR, "10s")
                .with(Setting.STORE_ACCURACY_WINDOW, "30s")
                .with(Setting.STORE_ACCURACY_FOR, "10s");
        try (FakeSlack slack = new FakeSlack();
             PredictionServer service = PredictionServer.start(TestModels.model(),
                     new PrometheusServingMetrics(TestModels.model().descriptor(), DRIFT_WINDOW,
                             base.duration(Setting.STORE_SLO_LATENCY_THRESHOLD)),
                     new FeedbackStore(100_000, Duration.ofMinutes(5)), "127.0.0.1",
                     base.port(Setting.STORE_MODEL_PORT), 2);
             NativeStack stack = NativeStack.builder(base.with(Setting.SLACK_WEBHOOK_URL, slack.url()))
                     .workDir(work).start();
             Traffic traffic = new Traffic(URI.create("http://127.0.0.1:" + service.port()))) {
            PrometheusApi prom = stack.prometheus();
            prom.awaitQuery("up{job=\"store_model\"}", r -> r.size() == 1 && r.get(0).value() == 1,
                    Duration.ofSeconds(30));
            String accuracy = StoreModelAccuracyRules.accuracy(stack.settings());

            Phase normal = phase("normal: training inputs, labels from the training process ("
                    + NORMAL_PHASE.toSeconds() + " s)");
            traffic.play(Scenario.NORMAL);
            watch(prom, slack, accuracy, normal, p -> false, NORMAL_PHASE);
            long falsePositives = MODEL_ALERTS.stream().flatMap(a -> normal.seen.keySet().stream()
                    .filter(k -> k.startsWith(a)).filter(k -> normal.reached(k, "firing"))).count();
            long pendings = normal.seen.keySet().stream().filter(k -> normal.reached(k, "pending")).count();
            normal.event(Instant.now(), "false positives (model alerts firing): " + falsePositives
                    + "; alerts pending at some point: " + pendings);
            assertThat(falsePositives).as("model alerts firing under normal traffic").isZero();

            Phase faulty = phase("faulty: customers_count 50..600");
            traffic.play(Scenario.FAULTY);
            watch(prom, slack, accuracy, faulty, p -> p.firstFiring.containsKey("StoreModelInputDrift{customers_count}")
                    && p.firstFiring.containsKey("StoreSuccessRateLow"), DETECT_WITHIN);
            double drift = faulty.secondsTo("StoreModelInputDrift{customers_count}");
            double success = faulty.secondsTo("StoreSuccessRateLow");
            faulty.event(Instant.now(), String.format(Locale.ROOT, "StoreModelInputDrift{customers_count} fired %.1f s"
                    + " after the start, StoreSuccessRateLow %.1f s: drift %.1f s %s", drift, success,
                    Math.abs(success - drift), drift <= success ? "earlier" : "later"));
            assertThat(faulty.reached("StoreModelInputDrift{items_count}", "pending")
                    || faulty.reached("StoreModelInputDrift{items_count}", "firing"))
                    .as("input drift of items_count, which faulty traffic leaves as in training").isFalse();

            Phase recovery = phase("normal again, until every model alert has resolved");
            traffic.play(Scenario.NORMAL);
            watch(prom, slack, accuracy, recovery, p -> states.entrySet().stream()
                    .noneMatch(e -> !e.getValue().equals("inactive")), DETECT_WITHIN);

            Phase concept = phase("concept-drift: training inputs, labels from a changed relationship");
            traffic.play(Scenario.CONCEPT_DRIFT);
            watch(prom, slack, accuracy, concept, p -> p.firstFiring.containsKey("StoreModelAccuracyLow")
                    && slack.messages().stream().anyMatch(m -> FakeSlack.title(m).contains("StoreModelAccuracyLow")),
                    DETECT_WITHIN);
            concept.event(Instant.now(), String.format(Locale.ROOT, "StoreModelAccuracyLow fired %.1f s after the start",
                    concept.secondsTo("StoreModelAccuracyLow")));
            assertThat(concept.seen.keySet()).as("input drift alerts under concept drift")
                    .noneMatch(k -> k.startsWith("StoreModelInputDrift"));
            assertThat(slack.rejections()).as("payloads the Slack look-alike refused").isEmpty();
            concept.event(Instant.now(), "traffic tool: " + traffic.errors() + " predictions failed, "
                    + traffic.labelsFailed() + " labels not counted");
            assertThat(traffic.errors()).as("failed predictions of the traffic tool").isZero();
            assertThat(traffic.labelsFailed()).as("labels the service did not count").isZero();
        } finally {
            phases.forEach(p -> System.out.println(p.text()));
        }
    }

    private Phase phase(String name) {
        Phase p = new Phase(name);
        phases.add(p);
        p.event(p.start, name + " starts (" + (int) RATE + " predictions/s, labels after "
                + FEEDBACK_DELAY.toSeconds() + " s)");
        return p;
    }

    /**
     * Polls Prometheus and Slack for {@code within} or until {@code done}, recording each model alert's state
     * changes (per feature for the drift alert), new Slack messages and, every 5 s, the labelled accuracy.
     */
    private void watch(PrometheusApi prom, FakeSlack slack, String accuracy, Phase phase, Predicate<Phase> done,
            Duration within) {
        Instant deadline = Instant.now().plus(within);
        Instant lastPrint = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> now = new HashMap<>();
            for (PrometheusApi.Alert a : prom.alerts()) {
                if (MODEL_ALERTS.contains(a.name())) {
                    String feature = a.labels().get("feature");
                    now.put(a.name() + (feature == null ? "" : "{" + feature + "}"), a.state());
                }
            }
            Instant t = Instant.now();
            for (String key : union(now.keySet(), states.keySet())) {
                String state = now.getOrDefault(key, "inactive");
                if (!state.equals(states.getOrDefault(key, "inactive"))) {
                    phase.event(t, "Prometheus: " + key + " " + state);
                }
                if (!state.equals("inactive")) {
                    phase.seen.computeIfAbsent(key, k -> new ArrayList<>()).add(state);
                }
                if (state.equals("firing")) {
                    phase.firstFiring.putIfAbsent(key, t);
                }
                states.put(key, state);
            }
            List<Message> messages = slack.messages();
            for (Message m : messages.subList(slackSeen, messages.size())) {
                phase.event(m.receivedAt(), "Slack: " + FakeSlack.title(m));
            }
            slackSeen = messages.size();
            if (done.test(phase)) {
                return;
            }
            if (Duration.between(lastPrint, Instant.now()).toSeconds() >= 5) {
                List<PrometheusApi.Series> acc = prom.query(accuracy);
                List<PrometheusApi.Series> psi = prom.query("store_model_input_drift_psi");
                StringBuilder line = new StringBuilder();
                acc.forEach(s -> line.append(String.format(Locale.ROOT, "accuracy %.3f", s.value())));
                psi.forEach(s -> line.append(String.format(Locale.ROOT, "  psi %s %.3f", s.labels().get("feature"),
                        s.value())));
                if (!line.isEmpty()) {
                    phase.event(Instant.now(), line.toString().trim());
                }
                lastPrint = Instant.now();
            }
            Waits.pause(Duration.ofMillis(250));
        }
        if (!done.test(phase) && within != NORMAL_PHASE) {
            throw new AssertionError("phase '" + phase.name + "' not done within " + within.toSeconds() + " s; timeline:\n"
                    + phase.text());
        }
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /**
     * The traffic tool in 1 s runs started every second, each on its own thread, so the labels a run still owes
     * (sent 2 s after each prediction) do not hold up the next run, and a switch of scenario takes effect within 1 s.
     */
    private static final class Traffic implements AutoCloseable {
        private final TrafficRunner runner;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService runs = Executors.newCachedThreadPool();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong labelsFailed = new AtomicLong();
        private final AtomicLong seed = new AtomicLong(1);
        private volatile Scenario scenario;

        Traffic(URI url) {
            this.runner = new TrafficRunner(url);
        }

        void play(Scenario next) {
            boolean first = scenario == null;
            scenario = next;
            if (first) {
                ticker.scheduleAtFixedRate(() -> runs.submit(this::runOnce), 0, 1, TimeUnit.SECONDS);
            }
        }

        private void runOnce() {
            try {
                var s = runner.run(scenario, RATE, Duration.ofSeconds(1), seed.getAndIncrement(), FEEDBACK_DELAY, null);
                errors.addAndGet(s.errors());
                labelsFailed.addAndGet(s.labelsFailed());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long errors() {
            return errors.get();
        }

        long labelsFailed() {
            return labelsFailed.get();
        }

        @Override
        public void close() throws InterruptedException {
            ticker.shutdownNow();
            runs.shutdown();
            if (!runs.awaitTermination(15, TimeUnit.SECONDS)) {
                runs.shutdownNow();
            }
        }
    }
}
