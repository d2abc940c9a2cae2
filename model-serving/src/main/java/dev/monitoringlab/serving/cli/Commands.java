package dev.monitoringlab.serving.cli;

import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import dev.monitoringlab.serving.explore.Explorer;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import dev.monitoringlab.serving.model.ModelDescriptor;
import dev.monitoringlab.serving.model.ModelLoadException;
import dev.monitoringlab.serving.model.StoreModel;
import dev.monitoringlab.serving.model.StoreModelTrainer;
import dev.monitoringlab.serving.traffic.TrafficRunner;
import dev.monitoringlab.serving.traffic.TrafficSummary;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** The subcommands: each parses its flags, calls the real code and returns the exit code. */
public final class Commands {
    public static final String USAGE = String.join("\n",
            "usage: java -jar model-serving.jar <command> [flags]",
            "  generate --out FILE [--seed N] [--rows N]      write the generated stores_dataset.csv",
            "  train    --data FILE --out DIR [--seed N]      train, write DIR/model.tribuo + descriptor.json",
            "  explore  [--data FILE] [--out DIR]             describe() table + histograms (PNG) per column",
            "  serve    [--model DIR] [--port N] [--host H] [--threads N] [--no-metrics] [--no-drift]",
            "  traffic  --scenario normal|faulty|concept-drift [--url URL] [--rate N] [--duration 60s] [--seed N]",
            "           [--feedback-delay 10s | --no-feedback] [--quiet]");

    private final PrintStream out;
    private final PrintStream err;

    public Commands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int generate(String[] argv) throws UsageException, IOException {
        Args a = Args.parse(argv, 1, Set.of("out", "seed", "rows"), Set.of());
        Path file = Path.of(required(a, "out"));
        long seed = a.number("seed", DatasetGenerator.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        int rows = (int) a.number("rows", DatasetGenerator.DEFAULT_ROWS, 10, 10_000_000);
        DatasetCsv.write(DatasetGenerator.generate(seed, rows), file);
        out.println("wrote " + rows + " rows to " + file + " (seed " + seed + ")");
        return 0;
    }

    public int train(String[] argv) throws UsageException, IOException {
        Args a = Args.parse(argv, 1, Set.of("data", "out", "seed"), Set.of());
        Path data = existingFile(required(a, "data"));
        Long seed = a.has("seed") ? a.number("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        try {
            ModelDescriptor d = StoreModelTrainer.train(data, seed, Path.of(required(a, "out")));
            out.printf(Locale.ROOT, "trained %s on %d rows: held-out accuracy %.4f, ROC AUC %.4f -> %s%n",
                    d.version(), d.trainingData().rows(), d.metrics().accuracy(), d.metrics().rocAuc(), a.string("out", ""));
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public int explore(String[] argv) throws UsageException, IOException {
        Args a = Args.parse(argv, 1, Set.of("data", "out"), Set.of());
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are files; servers have no display
        }
        // defaults: the build's data set and an explore/ folder, both beside the jar (target/)
        Path target = defaultModelDir().getParent();
        Path data = existingFile(a.string("data", target.resolve("stores_dataset.csv").toString()));
        try {
            Explorer.Result r = Explorer.explore(data, Path.of(a.string("out", target.resolve("explore").toString())));
            out.print(r.table());
            r.charts().forEach(p -> out.println("wrote " + p));
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public int serve(String[] argv) throws UsageException, IOException, InterruptedException {
        Args a = Args.parse(argv, 1, Set.of("model", "port", "host", "threads"), Set.of("no-metrics", "no-drift"));
        Path modelDir = a.has("model") ? Path.of(a.string("model", "")) : defaultModelDir();
        // the settings object is read only when no --port is given, so a container needs no settings file
        int port = (int) a.number("port", a.has("port") ? 0 : settings().port(Setting.STORE_MODEL_PORT), 0, 65535);
        int threads = (int) a.number("threads", 4, 0, 256);
        StoreModel model;
        try {
            model = StoreModel.load(modelDir);
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        // drift window, latency bound and feedback come from the settings (a -Dlab.* property in a container)
        MonitoringSettings settings = settings();
        ServingMetrics metrics = a.flag("no-metrics") ? ServingMetrics.NONE
                : new PrometheusServingMetrics(model.descriptor(),
                        a.flag("no-drift") ? null : settings.duration(Setting.STORE_DRIFT_WINDOW),
                        settings.duration(Setting.STORE_SLO_LATENCY_THRESHOLD));
        int capacity = (int) settings.number(Setting.STORE_FEEDBACK_CAPACITY);
        FeedbackStore feedback = capacity == 0 ? null
                : new FeedbackStore(capacity, settings.duration(Setting.STORE_FEEDBACK_RETENTION));
        PredictionServer server;
        try {
            server = PredictionServer.start(model, metrics, feedback, a.string("host", "127.0.0.1"), port, threads);
        } catch (IOException e) {
            err.println("error: cannot listen on port " + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        out.printf("store model %s serving on http://%s:%d (metrics %s, docs at /docs)%n",
                model.descriptor().version(), a.string("host", "127.0.0.1"), server.port(),
                metrics.enabled() ? "on" : "off");
        out.flush();
        stopped.await();
        return 0;
    }

    public int traffic(String[] argv) throws UsageException, InterruptedException {
        Args a = Args.parse(argv, 1, Set.of("scenario", "url", "rate", "duration", "seed", "feedback-delay"),
                Set.of("quiet", "no-feedback"));
        String name = required(a, "scenario");
        TrafficRunner.Scenario scenario = TrafficRunner.Scenario.byLabel(name).orElseThrow(() ->
                new UsageException("--scenario must be normal, faulty or concept-drift, got '" + name + "'"));
        String url = a.has("url") ? a.string("url", "") : "http://localhost:" + settings().port(Setting.STORE_MODEL_PORT);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new UsageException("--url must be an http(s) URL like http://localhost:8000, got '" + url + "'");
        }
        double rate = a.decimal("rate", 20, 0.1, 10_000);
        Duration duration = a.duration("duration", Duration.ofSeconds(60));
        long seed = a.number("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Duration feedbackDelay = a.flag("no-feedback") ? TrafficRunner.NO_FEEDBACK
                : a.duration("feedback-delay", Duration.ofSeconds(10));
        TrafficSummary s = new TrafficRunner(uri).run(scenario, rate, duration, seed, feedbackDelay,
                a.flag("quiet") ? null : err);
        out.print(s.render());
        return s.errors() == s.sent() ? 1 : 0;
    }

    private static MonitoringSettings settings() throws UsageException {
        try {
            return MonitoringSettings.load(ProjectLayout.locate());
        } catch (RuntimeException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code model/} beside the jar (target/model-serving.jar -> target/model), or target/model from classes. */
    static Path defaultModelDir() {
        try {
            Path code = Path.of(Commands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("model");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("model-serving", "target", "model");
        }
    }

    private static String required(Args a, String name) throws UsageException {
        if (!a.has(name)) {
            throw new UsageException("--" + name + " is required");
        }
        return a.string(name, "");
    }

    private static Path existingFile(String name) throws UsageException {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("data file " + p + " does not exist");
        }
        return p;
    }
}
