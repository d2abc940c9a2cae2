package dev.monitoringlab.serving.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.models.InputSpec;
import dev.monitoringlab.models.MetricNames;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.traffic.TrafficRunner;
import dev.monitoringlab.serving.traffic.TrafficRunner.Scenario;
import dev.monitoringlab.serving.traffic.TrafficSummary;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.Waits;
import dev.monitoringlab.stack.receivers.FakeSlack;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two models of the repository served at once by one service, each judged on its own: store-success (the Tribuo
 * model, through /predict with the traffic tool's normal scenario) and order-return (the committed ONNX model,
 * through /v2/models/order-return/infer with orders drawn as its train.py drew the training data), both at 20
 * predictions/s. After a normal phase, order-return's customer_tenure_days moves far above its training spread
 * (still within the descriptor's accepted range); everything else stays as in training. StoreModelInputDrift must
 * fire for model order-return and that input, while no drift alert of store-success and none of order-return's other
 * inputs even goes pending (order-return's output drift may follow its input: the model answers differently). Then
 * store-success gets the workshop's faulty traffic (customers_count 50..600): its own alert fires for that input,
 * still none for items_count nor for order-return's other inputs, and no request fails. The real Prometheus and Alertmanager run from the generated rules (drift window 20s, 'for' 10s,
 * the production expressions); the timeline of alert states, drift scores and Slack messages is printed.
 */
class TwoModelsDriftIT {
    private static final String STORE = "store-success";
    private static final String ORDERS = "order-return";
    private static final String SHIFTED = "customer_tenure_days";
    /** The shifted tenure: 55 to 100 years, where the training data (0 to 3000 days) has no customer. */
    private static final int SHIFTED_MIN = 20_000;
    private static final int SHIFTED_MAX = 36_500;
    private static final String INPUT_DRIFT = "StoreModelInputDrift";
    private static final String OUTPUT_DRIFT = "StoreModelOutputDrift";
    private static final String TARGET = key(INPUT_DRIFT, Map.of(MetricNames.MODEL, ORDERS, MetricNames.INPUT, SHIFTED));
    /** The workshop's faulty scenario moves customers_count (50..600 customers) and leaves items_count as trained. */
    private static final String STORE_SHIFTED = "customers_count";
    private static final String STORE_TARGET = key(INPUT_DRIFT, Map.of(MetricNames.MODEL, STORE, MetricNames.INPUT,
            STORE_SHIFTED));
    private static final Duration DRIFT_WINDOW = Duration.ofSeconds(20);
    private static final Duration NORMAL_PHASE = Duration.ofSeconds(30);
    private static final Duration FIRING_WITHIN = Duration.ofSeconds(90);
    /** How long the alerts are still watched once the drift alert fires, for a wrong alert that would come late. */
    private static final Duration HOLD = Duration.ofSeconds(10);
    private static final double RATE = 20;

    @TempDir
    Path work;

    private record Event(Instant at, String what) {
    }

    private final List<Event> timeline = new ArrayList<>();
    /** alert key -> its state at the last poll (absent: inactive) */
    private final Map<String, String> states = new HashMap<>();
    /** drift alerts (and state) pending or firing when they must not be -> when first seen so */
    private final Map<String, String> wrong = new LinkedHashMap<>();
    private Instant t0;
    private Instant targetFiring;
    private Instant storeTargetFiring;
    private boolean faulty;
    private boolean storeFaulty;
    private int slackSeen;

    @Test
    void driftOfOneInputOfOneModelFiresForThatModelAndInputOnly() throws Exception {
        MonitoringSettings base = LiveStacks.onFreePorts()
                .with(Setting.STORE_DRIFT_WINDOW, DRIFT_WINDOW.toSeconds() + "s")
                .with(Setting.STORE_DRIFT_FOR, "10s");
        Path repository = bothModels(work.resolve("repository"));
        ModelSpec orders = ModelRepository.readSpec(repository.resolve(ORDERS).resolve(ModelSpec.FILE_NAME));
        InputSpec tenure = orders.input(SHIFTED).orElseThrow();
        assertThat(tenure.accepts(SHIFTED_MIN) && tenure.accepts(SHIFTED_MAX))
                .as("the shifted values are valid per the descriptor, so the service does not refuse them").isTrue();
        long minRecords = (long) base.number(Setting.STORE_DRIFT_MIN_RECORDS);
        try (FakeSlack slack = new FakeSlack();
             ModelRegistry registry = ModelRegistry.open(repository);
             PredictionServer service = PredictionServer.start(TestModels.model(), registry,
                     new PrometheusServingMetrics(DRIFT_WINDOW, base.duration(Setting.STORE_SLO_LATENCY_THRESHOLD)),
                     PredictionServer.defaultFeedback(), "127.0.0.1", base.port(Setting.STORE_MODEL_PORT), 2,
                     ServerLimits.defaults().withMaxBodyBytes(PredictionServer.MAX_BODY_BYTES));
             NativeStack stack = NativeStack.builder(base.with(Setting.SLACK_WEBHOOK_URL, slack.url()))
                     .workDir(Files.createDirectories(work.resolve("stack"))).start()) {
            assertThat(registry.names()).as("models served").contains(STORE, ORDERS);
            PrometheusApi prom = stack.prometheus();
            prom.awaitQuery("up{job=\"store_model\"}", r -> r.size() == 1 && r.get(0).value() == 1,
                    Duration.ofSeconds(30));
            URI url = URI.create("http://127.0.0.1:" + service.port());
            try (Traffic traffic = new Traffic(url, orders)) {
                t0 = Instant.now();
                event(t0, String.format(Locale.ROOT, "normal traffic starts: %s via /predict (scenario normal), %s via"
                        + " /v2 infer (orders as in training), %d predictions/s each", STORE, ORDERS, (int) RATE));
                traffic.start();
                watch(prom, slack, () -> false, NORMAL_PHASE);
                List<PrometheusApi.Series> records = prom.query(MetricNames.DRIFT_WINDOW_RECORDS);
                event(Instant.now(), "drift window records: " + records.stream().map(s -> s.labels().get(MetricNames.MODEL)
                        + " " + (long) s.value()).sorted().collect(Collectors.joining(", ")));
                assertThat(records.stream().filter(s -> s.value() >= minRecords).map(s -> s.labels().get(MetricNames.MODEL)))
                        .as("models whose drift window holds the %d records the rules need to judge", minRecords)
                        .contains(STORE, ORDERS);

                Instant shift = Instant.now();
                faulty = true;
                event(shift, String.format(Locale.ROOT, "faulty traffic for %s's %s only: %d..%d days (training 0..2999,"
                        + " accepted %.0f..%.0f); %s and the other inputs as before", ORDERS, SHIFTED, SHIFTED_MIN,
                        SHIFTED_MAX, tenure.min(), tenure.max(), STORE));
                traffic.shift();
                watch(prom, slack, () -> targetFiring != null, FIRING_WITHIN);
                if (targetFiring == null) {
                    throw new AssertionError(TARGET + " not firing within " + FIRING_WITHIN.toSeconds() + " s of the"
                            + " shift; alert states " + states + "; timeline:\n" + timelineText());
                }
                event(targetFiring, String.format(Locale.ROOT, "%s firing %.1f s after the shift", TARGET,
                        Duration.between(shift, targetFiring).toMillis() / 1000.0));
                watch(prom, slack, () -> false, HOLD);

                // then the other model's faulty traffic: its own alert, for its own input, and still none elsewhere
                Instant storeShift = Instant.now();
                storeFaulty = true;
                event(storeShift, String.format(Locale.ROOT, "faulty traffic for %s too (the workshop's faulty"
                        + " scenario: %s 50..600); %s's %s stays shifted", STORE, STORE_SHIFTED, ORDERS, SHIFTED));
                traffic.storeScenario(Scenario.FAULTY);
                watch(prom, slack, () -> storeTargetFiring != null, FIRING_WITHIN);
                if (storeTargetFiring == null) {
                    throw new AssertionError(STORE_TARGET + " not firing within " + FIRING_WITHIN.toSeconds() + " s of"
                            + " its faulty traffic; alert states " + states + "; timeline:\n" + timelineText());
                }
                event(storeTargetFiring, String.format(Locale.ROOT, "%s firing %.1f s after its faulty traffic",
                        STORE_TARGET, Duration.between(storeShift, storeTargetFiring).toMillis() / 1000.0));
                watch(prom, slack, () -> false, HOLD);
                traffic.stop();
                event(Instant.now(), String.format(Locale.ROOT, "requests: %s %d (%d failed), %s %d (%d failed)", STORE,
                        traffic.storeSent.get(), traffic.storeFailed.get(), ORDERS, traffic.orderSent.get(),
                        traffic.orderFailed.get()));

                PrometheusApi.Alert fired = prom.alerts().stream().filter(a -> key(a).equals(TARGET)).findFirst()
                        .orElseThrow(() -> new AssertionError(TARGET + " gone from Prometheus's alerts"));
                assertThat(fired.labels()).as("labels of the alert that fired")
                        .containsEntry("alertname", INPUT_DRIFT)
                        .containsEntry(MetricNames.MODEL, ORDERS)
                        .containsEntry(MetricNames.INPUT, SHIFTED);
                PrometheusApi.Alert storeFired = prom.alerts().stream().filter(a -> key(a).equals(STORE_TARGET))
                        .findFirst().orElseThrow(() -> new AssertionError(STORE_TARGET + " gone from Prometheus's alerts"));
                assertThat(storeFired.labels()).as("labels of the store model's alert that fired")
                        .containsEntry("alertname", INPUT_DRIFT)
                        .containsEntry(MetricNames.MODEL, STORE)
                        .containsEntry(MetricNames.INPUT, STORE_SHIFTED);
                assertThat(wrong.values()).as("drift alerts pending or firing for a model or input whose traffic was"
                        + " normal (store-success before its faulty phase, items_count, order-return's other"
                        + " inputs); timeline:\n%s", timelineText()).isEmpty();
                assertThat(traffic.storeSent.get()).as("store-success predictions sent").isPositive();
                assertThat(traffic.orderSent.get()).as("order-return predictions sent").isPositive();
                assertThat(traffic.failures).as("failed requests (status or error)").isEmpty();
                assertThat(traffic.storeFailed.get() + traffic.orderFailed.get()).as("failed requests").isZero();
                assertThat(failedRequestsCounted(url)).as("4xx and 5xx answers counted by the service").isEmpty();
                assertThat(slack.rejections()).as("payloads the Slack look-alike refused").isEmpty();
            }
        } finally {
            System.out.println(timelineText());
        }
    }

    /**
     * A repository as the service's build makes it: store-success version 1 from the test's training (Tribuo) and
     * the committed order-return version 1 (ONNX, from models/order-return), opened the way serve opens one.
     */
    private static Path bothModels(Path repository) throws IOException {
        Path store = TestModels.repository().resolve(STORE);
        Path orders = ModelRepository.inCheckout(Path.of(System.getProperty("lab.root", "..")).toAbsolutePath()
                .normalize()).resolve(ORDERS);
        copyTree(store, repository.resolve(STORE));
        copyTree(orders, repository.resolve(ORDERS));
        return repository;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".py"))
                    .toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Polls Prometheus's alerts and the Slack look-alike for {@code within} or until {@code done}: notes every
     * state change of an alert about a model, every Slack message, every 5 s the drift scores, and each drift
     * alert that is pending or firing where it must not be.
     */
    private void watch(PrometheusApi prom, FakeSlack slack, BooleanSupplier done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Instant lastScores = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> now = new HashMap<>();
            for (PrometheusApi.Alert a : prom.alerts()) {
                if (a.labels().containsKey(MetricNames.MODEL)) {
                    now.put(key(a), a.state());
                }
            }
            Instant t = Instant.now();
            TreeSet<String> keys = new TreeSet<>(now.keySet());
            keys.addAll(states.keySet());
            for (String k : keys) {
                String state = now.getOrDefault(k, "inactive");
                if (!state.equals(states.getOrDefault(k, "inactive"))) {
                    event(t, "Prometheus: " + k + " " + state);
                    states.put(k, state);
                }
                if (!state.equals("inactive") && !allowed(k)) {
                    wrong.putIfAbsent(k + " " + state,
                            String.format(Locale.ROOT, "t+%.1f s %s %s", seconds(t), k, state));
                }
                if (k.equals(TARGET) && state.equals("firing") && targetFiring == null) {
                    targetFiring = t;
                }
                if (k.equals(STORE_TARGET) && state.equals("firing") && storeTargetFiring == null) {
                    storeTargetFiring = t;
                }
            }
            List<Message> messages = slack.messages();
            for (Message m : messages.subList(slackSeen, messages.size())) {
                event(m.receivedAt(), "Slack: " + FakeSlack.title(m).trim());
            }
            slackSeen = messages.size();
            if (done.getAsBoolean()) {
                return;
            }
            if (Duration.between(lastScores, Instant.now()).toSeconds() >= 5) {
                String scores = scores(prom);
                if (!scores.isEmpty()) {
                    event(Instant.now(), scores);
                }
                lastScores = Instant.now();
            }
            Waits.pause(Duration.ofMillis(250));
        }
    }

    /**
     * Which alerts may be active: no drift alert under normal traffic; once order-return's tenure shifts, its drift
     * alert and order-return's output drift (the model's answers follow the input). Alerts other than the drift
     * alerts are only noted.
     */
    private boolean allowed(String key) {
        if (!key.startsWith(INPUT_DRIFT + "{") && !key.startsWith(OUTPUT_DRIFT + "{")) {
            return true;
        }
        String ordersOutput = OUTPUT_DRIFT + "{" + MetricNames.MODEL + "=" + ORDERS;
        String storeOutput = OUTPUT_DRIFT + "{" + MetricNames.MODEL + "=" + STORE;
        return faulty && (key.equals(TARGET) || key.startsWith(ordersOutput + ",") || key.equals(ordersOutput + "}"))
                || storeFaulty && (key.equals(STORE_TARGET) || key.startsWith(storeOutput + ",")
                        || key.equals(storeOutput + "}"));
    }

    /** The drift scores of the inputs, by model: "psi order-return: channel 0.01, ...; store-success: ...". */
    private static String scores(PrometheusApi prom) {
        Map<String, Map<String, Double>> byModel = new TreeMap<>();
        for (PrometheusApi.Series s : prom.query(MetricNames.INPUT_DRIFT)) {
            byModel.computeIfAbsent(s.labels().get(MetricNames.MODEL), m -> new TreeMap<>())
                    .put(s.labels().get(MetricNames.INPUT), s.value());
        }
        return byModel.isEmpty() ? "" : "psi " + byModel.entrySet().stream().map(m -> m.getKey() + ": "
                + m.getValue().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
    }

    /** Alert name with the labels that tell the alerts of one rule apart: model, then input or output. */
    private static String key(PrometheusApi.Alert a) {
        return key(a.name(), a.labels());
    }

    private static String key(String name, Map<String, String> labels) {
        StringBuilder sb = new StringBuilder(name).append('{').append(MetricNames.MODEL).append('=')
                .append(labels.get(MetricNames.MODEL));
        for (String l : List.of(MetricNames.INPUT, MetricNames.OUTPUT)) {
            if (labels.containsKey(l)) {
                sb.append(',').append(l).append('=').append(labels.get(l));
            }
        }
        return sb.append('}').toString();
    }

    /** The service's own count of requests answered with a 4xx or 5xx, from its /metrics: "series value" lines. */
    private static List<String> failedRequestsCounted(URI url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/metrics")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().lines().filter(l -> l.startsWith(MetricNames.HTTP_REQUESTS + "{"))
                .filter(l -> l.matches(".*status=\"[45]\\d\\d\".*"))
                .filter(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0).toList();
    }

    private double seconds(Instant at) {
        return Duration.between(t0, at).toMillis() / 1000.0;
    }

    private void event(Instant at, String what) {
        timeline.add(new Event(at, what));
    }

    private String timelineText() {
        if (t0 == null) {
            return "(no traffic was sent)";
        }
        StringBuilder sb = new StringBuilder();
        timeline.stream().sorted(Comparator.comparing(Event::at)).forEach(e -> sb.append(String.format(Locale.ROOT,
                "t+%5.1f s  %s%n", seconds(e.at()), e.what())));
        return sb.toString();
    }

    /**
     * Both models' traffic: store-success through the traffic tool's normal scenario in 1 s runs on a thread of
     * its own; order-return one record per request every 1/RATE s, each answered asynchronously.
     */
    private static final class Traffic implements AutoCloseable {
        private final TrafficRunner store;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final URI infer;
        private final ModelSpec orders;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "order-return traffic");
            t.setDaemon(true);
            return t;
        });
        private final Thread storeThread;
        private final SplittableRandom random = new SplittableRandom(20240611);
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicLong storeSent = new AtomicLong();
        final AtomicLong storeFailed = new AtomicLong();
        final AtomicLong orderSent = new AtomicLong();
        final AtomicLong orderFailed = new AtomicLong();
        /** The first few order-return failures, with the answer. */
        final List<String> failures = new CopyOnWriteArrayList<>();
        private volatile boolean shifted;
        private volatile Scenario storeScenario = Scenario.NORMAL;
        private volatile boolean stop;

        Traffic(URI url, ModelSpec orders) {
            this.store = new TrafficRunner(url);
            this.infer = url.resolve("/v2/models/" + orders.name() + "/infer");
            this.orders = orders;
            this.storeThread = new Thread(this::storeLoop, "store-success traffic");
            this.storeThread.setDaemon(true);
        }

        void start() {
            storeThread.start();
            ticker.scheduleAtFixedRate(this::sendOrder, 0, Math.round(1e6 / RATE), TimeUnit.MICROSECONDS);
        }

        void shift() {
            shifted = true;
        }

        /** The store model's scenario from its next 1 s run on. */
        void storeScenario(Scenario next) {
            storeScenario = next;
        }

        private void storeLoop() {
            long seed = 1;
            while (!stop) {
                try {
                    TrafficSummary s = store.run(storeScenario, RATE, Duration.ofSeconds(1), seed++, null);
                    storeSent.addAndGet(s.sent());
                    storeFailed.addAndGet(s.errors());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** One order, drawn as models/order-return/train.py drew the training data, tenure shifted once asked. */
        private void sendOrder() {
            int items = poisson(random, 3.0) + 1;
            double discount = Math.round(beta(random, 1.5, 6) * 1000) / 1000.0;
            double u = random.nextDouble();
            int channel = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
            int tenure = shifted ? random.nextInt(SHIFTED_MIN, SHIFTED_MAX + 1) : random.nextInt(0, 3000);
            Map<String, Double> record = Map.of("items_in_order", (double) items, "discount_ratio", discount,
                    "channel", (double) channel, SHIFTED, (double) tenure);
            StringBuilder body = new StringBuilder("{\"inputs\": [");
            for (InputSpec in : orders.inputs()) {
                double v = record.get(in.name());
                if (!in.accepts(v)) {
                    fail("drew " + in.name() + " = " + v + ", which the descriptor does not accept");
                    return;
                }
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ", ").append("{\"name\": \"").append(in.name())
                        .append("\", \"shape\": [1], \"datatype\": \"").append(in.datatype()).append("\", \"data\": [")
                        .append(in.datatype().startsWith("INT") ? String.valueOf((long) v) : String.valueOf(v))
                        .append("]}");
            }
            body.append("]}");
            orderSent.incrementAndGet();
            inFlight.incrementAndGet();
            client.sendAsync(HttpRequest.newBuilder(infer).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        if (e != null) {
                            fail(e.toString());
                        } else if (r.statusCode() != 200 || !r.body().contains("\"outputs\"")) {
                            fail(r.statusCode() + " " + r.body());
                        }
                        inFlight.decrementAndGet();
                    });
        }

        private void fail(String what) {
            orderFailed.incrementAndGet();
            if (failures.size() < 5) {
                failures.add(what);
            }
        }

        /** Knuth's method; fine for a small mean. */
        private static int poisson(SplittableRandom r, double mean) {
            double limit = Math.exp(-mean);
            double p = r.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= r.nextDouble();
                k++;
            }
            return k;
        }

        /** Beta(a, b) as the ratio of two gamma variates (a whole or half-whole, b whole). */
        private static double beta(SplittableRandom r, double a, int b) {
            double x = gamma(r, a);
            return x / (x + gamma(r, b));
        }

        /** Gamma(shape) for a whole or half-whole shape: a sum of exponentials, plus half a squared normal. */
        private static double gamma(SplittableRandom r, double shape) {
            double g = 0;
            for (int i = 0; i < (int) shape; i++) {
                g -= Math.log(1 - r.nextDouble());
            }
            if (shape != Math.floor(shape)) {
                double z = r.nextGaussian();
                g += z * z / 2;
            }
            return g;
        }

        /** Stops sending and waits for the answers still due. */
        void stop() throws InterruptedException {
            stop = true;
            ticker.shutdown();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            storeThread.join(10_000);
            Instant deadline = Instant.now().plusSeconds(10);
            while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
                Waits.pause(Duration.ofMillis(50));
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
