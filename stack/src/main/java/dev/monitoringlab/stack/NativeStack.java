package dev.monitoringlab.stack;

import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack without Docker: Prometheus and Alertmanager from the distribution's packages, started on the
 * settings' ports from freshly generated configs, plus optionally the model mock and a local node exporter.
 * The launcher ({@link StackMain}) and the live tests both start the stack through this class.
 */
public final class NativeStack implements AutoCloseable {
    /**
     * JVM flags for the mock: a small heap and the serial collector keep its resident memory near 50 MB; one
     * compiler tier is enough for a server that renders a few lines per scrape.
     */
    public static final List<String> MODEL_MOCK_JVM_FLAGS = List.of("-Xms8m", "-Xmx24m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss512k", "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=32m", "-XX:-UsePerfData");

    private final MonitoringSettings settings;
    private final List<ManagedProcess> processes;
    private final String host;
    private final Path generatedDir;
    private final Thread shutdownHook;

    private NativeStack(MonitoringSettings settings, List<ManagedProcess> processes, String host, Path generatedDir) {
        this.settings = settings;
        this.processes = processes;
        this.host = host;
        this.generatedDir = generatedDir;
        this.shutdownHook = new Thread(this::stopAll, "native-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder(MonitoringSettings settings) {
        return new Builder(settings);
    }

    public MonitoringSettings settings() {
        return settings;
    }

    public Path generatedDir() {
        return generatedDir;
    }

    public PrometheusApi prometheus() {
        return new PrometheusApi(url(Setting.PROMETHEUS_PORT));
    }

    public AlertmanagerApi alertmanager() {
        return new AlertmanagerApi(url(Setting.ALERTMANAGER_PORT));
    }

    public URI url(Setting port) {
        return URI.create("http://" + clientHost(host) + ":" + settings.port(port));
    }

    /** Where a client on this machine reaches a server that listens on {@code listenHost}. */
    static String clientHost(String listenHost) {
        return listenHost.equals("0.0.0.0") ? "127.0.0.1" : listenHost;
    }

    /** Name, pid and log file of every process, for the launcher's banner. */
    public List<String> describe() {
        return processes.stream().map(p -> p.name() + " (pid " + p.pid() + ", log " + p.log() + ")").toList();
    }

    /** The first process that has died, if any: the launcher stops the rest when one goes. */
    public java.util.Optional<String> deadProcess() {
        return processes.stream().filter(p -> !p.alive()).map(p -> p.name() + " stopped; the end of its log:\n"
                + p.tail()).findFirst();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it stops the processes
        }
        stopAll();
    }

    private synchronized void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    /** What to start and where to put configs, data and logs. */
    public static final class Builder {
        private final MonitoringSettings settings;
        private ProjectLayout layout = ProjectLayout.locate();
        private Path generatedDir;
        private Path dataDir;
        private String host = "127.0.0.1";
        private List<String> mockArgs;
        private boolean nodeExporter;
        private final Duration readyTimeout = Duration.ofSeconds(60);
        private PrintStream log = new PrintStream(PrintStream.nullOutputStream());

        private Builder(MonitoringSettings settings) {
            this.settings = settings;
        }

        /** Configs in {@code dir/generated}, data and logs in {@code dir/data}: what tests use. */
        public Builder workDir(Path dir) {
            this.generatedDir = dir.resolve("generated");
            this.dataDir = dir.resolve("data");
            return this;
        }

        public Builder generatedDir(Path dir) {
            this.generatedDir = dir;
            return this;
        }

        public Builder layout(ProjectLayout layout) {
            this.layout = layout;
            return this;
        }

        /** Address Prometheus, Alertmanager, node exporter and the model mock listen on (default 127.0.0.1). */
        public Builder listenHost(String host) {
            this.host = host;
            return this;
        }

        /** Also run modelmock.jar on the settings' model-mock port, with these extra flags. */
        public Builder withModelMock(String... args) {
            this.mockArgs = List.of(args);
            return this;
        }

        /** Also run the distribution's node exporter on the settings' node-exporter port. */
        public Builder withNodeExporter() {
            this.nodeExporter = true;
            return this;
        }

        /** Where progress lines go (default: nowhere). */
        public Builder log(PrintStream log) {
            this.log = log;
            return this;
        }

        public NativeStack start() {
            MonitoringSettings settings = withLocalNodeTarget(this.settings);
            Path gen = generatedDir != null ? generatedDir : layout.generatedDir();
            Path data = dataDir != null ? dataDir : layout.stackDir().resolve("data");
            Path prometheusBin = ExternalTool.PROMETHEUS.require();
            Path alertmanagerBin = ExternalTool.ALERTMANAGER.require();
            Path nodeExporterBin = nodeExporter ? ExternalTool.NODE_EXPORTER.require() : null;
            Path mockJar = layout.root().resolve("modelmock/target/modelmock.jar");
            if (mockArgs != null && !Files.isRegularFile(mockJar)) {
                throw new StackException(mockJar + " not found: run mvn package first");
            }
            try {
                ConfigGenerator.writeAll(settings, gen);
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new StackException("cannot write configs under " + gen + ": " + e.getMessage());
            }
            log.println("stack: configs generated in " + gen);
            Path logs = data.resolve("logs");
            List<ManagedProcess> started = new ArrayList<>();
            try {
                started.add(launch("prometheus", List.of(prometheusBin.toString(),
                        "--config.file=" + gen.resolve(ConfigGenerator.PROMETHEUS_YML),
                        "--storage.tsdb.path=" + data.resolve("prometheus"),
                        "--web.listen-address=" + host + ":" + settings.port(Setting.PROMETHEUS_PORT),
                        "--web.enable-lifecycle"), logs, "/-/ready", Setting.PROMETHEUS_PORT));
                started.add(launch("alertmanager", List.of(alertmanagerBin.toString(),
                        "--config.file=" + gen.resolve(ConfigGenerator.ALERTMANAGER_YML),
                        "--storage.path=" + data.resolve("alertmanager"),
                        "--web.listen-address=" + host + ":" + settings.port(Setting.ALERTMANAGER_PORT),
                        // a single instance: no gossip port, no cluster to join
                        "--cluster.listen-address="), logs, "/-/ready", Setting.ALERTMANAGER_PORT));
                if (nodeExporterBin != null) {
                    started.add(launch("node-exporter", List.of(nodeExporterBin.toString(),
                            "--web.listen-address=" + host + ":" + settings.port(Setting.NODE_EXPORTER_PORT)),
                            logs, "/metrics", Setting.NODE_EXPORTER_PORT));
                }
                if (mockArgs != null) {
                    List<String> cmd = new ArrayList<>();
                    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                    cmd.addAll(MODEL_MOCK_JVM_FLAGS);
                    cmd.addAll(List.of("-jar", mockJar.toString(), "--host", host, "--port",
                            String.valueOf(settings.port(Setting.MODEL_MOCK_PORT))));
                    cmd.addAll(mockArgs);
                    started.add(launch("modelmock", cmd, logs, "/metrics", Setting.MODEL_MOCK_PORT));
                }
                for (ManagedProcess p : started) {
                    p.awaitReady(readyTimeout);
                    log.println("stack: " + p.name() + " is ready");
                }
            } catch (RuntimeException e) {
                started.forEach(ManagedProcess::close);
                throw e;
            }
            return new NativeStack(settings, started, host, gen);
        }

        /** A local node exporter is there to be watched: make sure the node job scrapes it. */
        private MonitoringSettings withLocalNodeTarget(MonitoringSettings s) {
            if (!nodeExporter) {
                return s;
            }
            String local = "localhost:" + s.port(Setting.NODE_EXPORTER_PORT);
            List<String> targets = s.nodeTargets();
            if (targets.contains(local) || targets.contains("127.0.0.1:" + s.port(Setting.NODE_EXPORTER_PORT))) {
                return s;
            }
            List<String> all = new ArrayList<>(targets);
            all.add(local);
            return s.with(Setting.NODE_TARGETS, String.join(",", all));
        }

        private ManagedProcess launch(String name, List<String> command, Path logs, String readyPath, Setting port) {
            return ManagedProcess.start(name, command, logs,
                    URI.create("http://" + clientHost(host) + ":" + settings.port(port) + readyPath));
        }
    }
}
