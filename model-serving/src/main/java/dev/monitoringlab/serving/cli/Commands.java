package dev.monitoringlab.serving.cli;

import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.ModelSpecException;
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
import dev.monitoringlab.serving.repository.BundledSpecs;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.repository.ServedVersion;
import dev.monitoringlab.serving.traffic.TrafficRunner;
import dev.monitoringlab.serving.traffic.TrafficSummary;
import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The subcommands: each takes its flags, calls the real code and returns the exit code. */
public final class Commands {
    private Commands() {
    }

    /** What the subcommands share: input files and the settings' port, checked as usage errors. */
    abstract static class Base extends Cli.Base {
        Path existingFile(Path p) {
            if (!Files.isRegularFile(p)) {
                throw usage("data file " + p + " does not exist");
            }
            return p;
        }

        /** A bad data file or model folder is the caller's mistake: exit 2 with the reason. */
        <T> T orUsage(IoCall<T> call) throws IOException {
            try {
                return call.run();
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }

        interface IoCall<T> {
            T run() throws IOException;
        }

        /** The settings object: defaults, then stack/settings.properties and -Dlab.* (a container needs no file). */
        MonitoringSettings settings() {
            try {
                return MonitoringSettings.load(ProjectLayout.locate());
            } catch (RuntimeException e) {
                throw usage(e.getMessage());
            }
        }

        int settingsPort() {
            return settings().port(Setting.STORE_MODEL_PORT);
        }
    }

    @Command(name = "generate", description = "Write the generated stores_dataset.csv.")
    public static final class Generate extends Base {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
        private Path file;
        @Option(names = "--seed", paramLabel = "N", description = "random seed (default ${DEFAULT-VALUE})",
                defaultValue = "" + DatasetGenerator.DEFAULT_SEED)
        private long seed;
        @Option(names = "--rows", paramLabel = "N", description = "rows, 10 to 10000000 (default ${DEFAULT-VALUE})",
                defaultValue = "" + DatasetGenerator.DEFAULT_ROWS)
        private int rows;

        @Override
        public Integer call() throws IOException {
            inRange("--rows", rows, 10, 10_000_000);
            DatasetCsv.write(DatasetGenerator.generate(seed, rows), file);
            out().println("wrote " + rows + " rows to " + file + " (seed " + seed + ")");
            return 0;
        }
    }

    @Command(name = "train", description = "Train the model, write DIR/model.tribuo and DIR/descriptor.json.")
    public static final class Train extends Base {
        @Option(names = "--data", required = true, paramLabel = "FILE", description = "the training CSV")
        private Path data;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the model goes")
        private Path outDir;
        @Option(names = "--seed", paramLabel = "N", description = "training seed (default: the trainer's)")
        private Long seed;
        @Option(names = "--repository", paramLabel = "DIR",
                description = "also write the model as a version of this model repository")
        private Path repository;
        @Option(names = "--spec", paramLabel = "FILE",
                description = "its model.json (default: models/store-success/model.json of the checkout)")
        private Path spec;
        @Option(names = "--format", paramLabel = "tribuo|onnx", defaultValue = "tribuo",
                converter = FormatConverter.class,
                description = "artifact of the repository version: Tribuo's file or its ONNX export (default ${DEFAULT-VALUE})")
        private ModelArtifact.Format format;

        @Override
        public Integer call() throws IOException {
            Path csv = existingFile(data);
            StoreModelTrainer.RepositoryTarget target = repository == null ? null
                    : new StoreModelTrainer.RepositoryTarget(repository, spec != null ? existingFile(spec)
                            : existingFile(ModelRepository.inCheckout(ProjectLayout.locate().root())
                                    .resolve("store-success").resolve(ModelSpec.FILE_NAME)), format);
            ModelDescriptor d = orUsage(() -> {
                try {
                    return StoreModelTrainer.train(csv, seed, outDir, target);
                } catch (ModelSpecException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            });
            out().printf(Locale.ROOT, "trained %s on %d rows: held-out accuracy %.4f, ROC AUC %.4f -> %s%n",
                    d.version(), d.trainingData().rows(), d.metrics().accuracy(), d.metrics().rocAuc(), outDir);
            return 0;
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ModelArtifact.Format> {
        @Override
        public ModelArtifact.Format convert(String value) {
            for (ModelArtifact.Format f : ModelArtifact.Format.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not tribuo or onnx");
        }
    }

    @Command(name = "explore", description = "describe() table and a histogram (PNG) per column.")
    public static final class Explore extends Base {
        @Option(names = "--data", paramLabel = "FILE", description = "the CSV (default: the build's, beside the jar)")
        private Path data;
        @Option(names = "--out", paramLabel = "DIR", description = "where the charts go (default: explore/ beside the jar)")
        private Path outDir;

        @Override
        public Integer call() throws IOException {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true"); // charts are files; servers have no display
            }
            Path target = defaultModelDir().getParent();
            Path csv = existingFile(data != null ? data : target.resolve("stores_dataset.csv"));
            Path charts = outDir != null ? outDir : target.resolve("explore");
            Explorer.Result r = orUsage(() -> Explorer.explore(csv, charts));
            out().print(r.table());
            r.charts().forEach(p -> out().println("wrote " + p));
            return 0;
        }
    }

    @Command(name = "serve", description = "Serve the model over HTTP, with /metrics and /docs.")
    public static final class Serve extends Base {
        @Option(names = "--model", paramLabel = "DIR", description = "the trained model (default: model/ beside the jar)")
        private Path modelDir;
        @Option(names = "--port", converter = Cli.Port.class, description = "HTTP port (default: store-model.port)")
        private Integer port;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
        private String host;
        @Option(names = "--threads", defaultValue = "4", description = "request threads, 0 to 256 (default ${DEFAULT-VALUE})")
        private int threads;
        @Option(names = "--no-metrics", description = "serve without instrumentation (to measure its cost)")
        private boolean noMetrics;
        @Option(names = "--no-drift", description = "serve without drift scoring (to measure its cost)")
        private boolean noDrift;
        @Option(names = "--repository", paramLabel = "DIR", description = "the model repository served over the Open"
                + " Inference Protocol (/v2); default: repository/ beside the jar, or only the --model DIR if given")
        private Path repository;
        @Option(names = "--poll-interval", converter = Cli.PositiveDuration.class,
                description = "how often the repository is checked for new versions (default: the setting"
                        + " store.repository.poll-interval, 2s)")
        private Duration pollInterval;

        @Override
        public Integer call() throws IOException, InterruptedException {
            inRange("--threads", threads, 0, 256);
            int listenPort = port != null ? port : settingsPort();
            StoreModel model;
            ModelRegistry registry;
            try {
                model = StoreModel.load(modelDir != null ? modelDir : defaultModelDir());
                Path besideJar = defaultModelDir().resolveSibling("repository");
                Path served = repository != null ? repository
                        : modelDir == null && Files.isDirectory(besideJar) ? besideJar : null;
                registry = served != null ? ModelRegistry.open(served) : ModelRegistry.of(
                        ServedVersion.fromModelDirectory(model, BundledSpecs.spec(BundledSpecs.STORE_SUCCESS)));
                registry.watch(pollInterval != null ? pollInterval
                        : settings().duration(Setting.STORE_REPOSITORY_POLL_INTERVAL));
            } catch (ModelLoadException | ModelSpecException e) {
                err().println("model-serving: " + e.getMessage());
                return Cli.FAILED;
            }
            // drift window, latency bound and feedback come from the settings (a -Dlab.* property in a container)
            MonitoringSettings settings = settings();
            ServingMetrics metrics = noMetrics ? ServingMetrics.NONE
                    : new PrometheusServingMetrics(
                            noDrift ? null : settings.duration(Setting.STORE_DRIFT_WINDOW),
                            settings.duration(Setting.STORE_SLO_LATENCY_THRESHOLD));
            int capacity = (int) settings.number(Setting.STORE_FEEDBACK_CAPACITY);
            FeedbackStore feedback = capacity == 0 ? null
                    : new FeedbackStore(capacity, settings.duration(Setting.STORE_FEEDBACK_RETENTION));
            PredictionServer server;
            try {
                server = PredictionServer.start(model, registry, metrics, feedback, host, listenPort, threads,
                        ServerLimits.defaults().withMaxBodyBytes(PredictionServer.MAX_BODY_BYTES));
            } catch (IOException e) {
                err().println("model-serving: cannot listen on port " + listenPort + ": " + e.getMessage());
                return Cli.FAILED;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "shutdown"));
            out().printf("store model %s serving on http://%s:%d (metrics %s, docs at /docs)%n",
                    model.descriptor().version(), host, server.port(), metrics.enabled() ? "on" : "off");
            for (String name : registry.names()) {
                out().printf("  /v2/models/%s version %s%n", name, registry.current(name).orElseThrow().version());
            }
            out().flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "traffic", description = "Send a traffic scenario to the store model service.")
    public static final class Traffic extends Base {
        @Option(names = "--scenario", required = true, paramLabel = "normal|faulty|concept-drift",
                converter = ScenarioConverter.class,
                description = "normal: inputs like the training data; faulty: inputs the model never saw;"
                        + " concept-drift: inputs like the training data, labels from a changed relationship")
        private TrafficRunner.Scenario scenario;
        @Option(names = "--feedback-delay", defaultValue = "10s", converter = Cli.PositiveDuration.class,
                description = "send each prediction's true label to /feedback after this (default ${DEFAULT-VALUE})")
        private Duration feedbackDelay;
        @Option(names = "--no-feedback", description = "send no labels")
        private boolean noFeedback;
        @Option(names = "--url", description = "the service (default: http://localhost:<store-model.port>)")
        private String url;
        @Option(names = "--rate", defaultValue = "20", description = "requests per second, 0.1 to 10000 (default ${DEFAULT-VALUE})")
        private double rate;
        @Option(names = "--duration", defaultValue = "60s", converter = Cli.PositiveDuration.class,
                description = "how long to send (default ${DEFAULT-VALUE})")
        private Duration duration;
        @Option(names = "--seed", defaultValue = "1", description = "random seed of the inputs (default ${DEFAULT-VALUE})")
        private long seed;
        @Option(names = "--quiet", description = "no progress bar")
        private boolean quiet;

        @Override
        public Integer call() throws InterruptedException {
            URI uri = serviceUri(url != null ? url : "http://localhost:" + settingsPort());
            inRange("--rate", rate, 0.1, 10_000);
            TrafficSummary s = new TrafficRunner(uri).run(scenario, rate, duration, seed,
                    noFeedback ? TrafficRunner.NO_FEEDBACK : feedbackDelay, quiet ? null : System.err);
            out().print(s.render());
            return s.errors() == s.sent() ? Cli.FAILED : 0;
        }

        private URI serviceUri(String text) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // the message below says what is wanted
            }
            throw usage("--url must be an http(s) URL like http://localhost:8000, got '" + text + "'");
        }
    }

    /** A scenario by its label ({@code concept-drift}), as the traffic tool's users write it. */
    static final class ScenarioConverter implements CommandLine.ITypeConverter<TrafficRunner.Scenario> {
        @Override
        public TrafficRunner.Scenario convert(String value) {
            return TrafficRunner.Scenario.byLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "must be normal, faulty or concept-drift, got '" + value + "'"));
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
}
