package dev.monitoringlab.stack;

import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.PrometheusFlags;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack without Docker: Prometheus and Alertmanager from the distribution's packages, started on the
 * settings' ports from freshly generated configs, plus optionally the model mock and a local node exporter.
 * The launcher ({@link StackMain}) and the live tests both start the stack through this class.
 */
public final class NativeStack implements LaunchedStack {
    private final MonitoringSettings settings;
    private final List<ManagedProcess> processes;
    private final List<StackSummary.Service> services;
    private final String host;
    private final Path generatedDir;
    private final InstanceLock lock;
    private final Thread shutdownHook;
    /** Processes stopped on purpose ({@link #stop}): the supervisor leaves them down until {@link #startAgain}. */
    private final java.util.Set<String> held = new java.util.HashSet<>();
    private final Supervisor supervisor;
    private volatile String ended;

    private NativeStack(MonitoringSettings settings, List<ManagedProcess> processes, List<StackSummary.Service> services,
                        String host, Path generatedDir, InstanceLock lock, PrintStream log) {
        this.settings = settings;
        // mutable: a fault test's startAgain puts the new process in the old one's place
        this.processes = new java.util.concurrent.CopyOnWriteArrayList<>(processes);
        this.services = services;
        this.host = host;
        this.generatedDir = generatedDir;
        this.lock = lock;
        this.shutdownHook = new Thread(this::shutdown, "native-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // the single stack has one of each: a process given up on leaves no alert path, so the stack ends with it
        this.supervisor = Supervisor.start(new Supervisor.Processes() {
            @Override
            public java.util.Map<String, ManagedProcess> supervised() {
                return NativeStack.this.supervised();
            }

            @Override
            public java.util.Optional<ManagedProcess> restart(String name, ManagedProcess dead) {
                return NativeStack.this.restart(name, dead);
            }
        }, RestartPolicy.from(settings), log, (name, line) -> ended = line
                + "; the single stack cannot do without it, so it stops (./run.sh --ha keeps the others running)");
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

    @Override
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

    /** What runs and where a browser or curl reaches it, for the launcher's summary. */
    public List<StackSummary.Service> services() {
        return services;
    }

    /** Name, pid and log file of every process, for the launcher's banner. */
    public List<String> describe() {
        return processes.stream().map(p -> p.name() + " (pid " + p.pid() + ", log " + p.log() + ")").toList();
    }

    /** Why the stack has to end: a process the supervisor gave up on. A process that died once is started again. */
    @Override
    public java.util.Optional<String> ended() {
        return java.util.Optional.ofNullable(ended);
    }

    private synchronized java.util.Map<String, ManagedProcess> supervised() {
        java.util.Map<String, ManagedProcess> out = new java.util.LinkedHashMap<>();
        processes.stream().filter(p -> !held.contains(p.name())).forEach(p -> out.put(p.name(), p));
        return out;
    }

    private synchronized java.util.Optional<ManagedProcess> restart(String name, ManagedProcess dead) {
        int i = processes.indexOf(dead);
        if (i < 0 || held.contains(name)) {
            return java.util.Optional.empty();
        }
        ManagedProcess again = dead.startAgain();
        processes.set(i, again);
        return java.util.Optional.of(again);
    }

    @Override
    public void close() {
        supervisor.close();
        LaunchedStack.stopNow(shutdownHook, this::stopAll);
    }

    private void shutdown() {
        supervisor.close();
        stopAll();
    }

    /**
     * Stops one process the way a fault would: {@code crash} sends SIGKILL, otherwise SIGTERM as an operator's
     * restart does. Its data and log stay; {@link #startAgain} brings it back. Package-private: only the fault tests
     * stop a process on purpose (through their StackFaults, in this package).
     */
    synchronized void stop(String name, boolean crash) {
        ManagedProcess p = process(name);
        held.add(name);
        if (crash) {
            p.kill();
        } else {
            p.close();
        }
    }

    /** Starts a stopped process again with the same command, data directory and (appended) log, until ready. */
    void startAgain(String name, Duration readyTimeout) {
        ManagedProcess again;
        synchronized (this) {
            ManagedProcess old = process(name);
            if (old.alive()) {
                throw new StackException(name + " is still running (pid " + old.pid() + ")");
            }
            again = old.startAgain();
            processes.set(processes.indexOf(old), again);
            held.remove(name);
        }
        again.awaitReady(readyTimeout);
    }

    private ManagedProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new StackException("no process named " + name + " in this stack"));
    }

    private synchronized void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        lock.close();
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
        private boolean storeModel;
        private double trafficRate;
        private final Duration readyTimeout = Duration.ofSeconds(60);
        private PrintStream log = new PrintStream(PrintStream.nullOutputStream());
        private ExternalTool.Distribution distribution;

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

        /** Also run the store model service (model-serving.jar serve) on the settings' store-model port. */
        public Builder withStoreModel() {
            this.storeModel = true;
            return this;
        }

        /** Also send the store model {@code rate} requests a second of the normal scenario (0: none). */
        public Builder withStoreModelTraffic(double rate) {
            this.trafficRate = rate;
            return this;
        }

        /** The binaries of this distribution (default: the newest available, see {@link Binaries}). */
        public Builder distribution(ExternalTool.Distribution distribution) {
            this.distribution = distribution;
            return this;
        }

        /** Where progress lines go (default: nowhere). */
        public Builder log(PrintStream log) {
            this.log = log;
            return this;
        }

        /** The same options, started as the highly available stack ({@link HaStack}: launcher flag --ha). */
        public HaStack startHighlyAvailable() {
            return new HaStackBuilder(new HaStackBuilder.Options(settings, layout, generatedDir, dataDir, host, mockArgs,
                    nodeExporter, storeModel, trafficRate, readyTimeout, log), distribution).start();
        }

        public NativeStack start() {
            // a local node exporter is there to be watched: make sure the node job scrapes it
            MonitoringSettings settings = nodeExporter ? LocalNodeExporter.addedToTargets(this.settings) : this.settings;
            Path gen = generatedDir != null ? generatedDir : layout.generatedDir();
            Path data = dataDir != null ? dataDir : layout.stackDir().resolve("data");
            Binaries binaries = Binaries.of(distribution);
            List<ExternalTool.Found> servers = new ArrayList<>(List.of(binaries.locate(ExternalTool.PROMETHEUS),
                    binaries.locate(ExternalTool.ALERTMANAGER)));
            if (nodeExporter) {
                servers.add(binaries.locate(ExternalTool.NODE_EXPORTER));
            }
            Path prometheusBin = servers.get(0).path();
            Path alertmanagerBin = servers.get(1).path();
            Path nodeExporterBin = nodeExporter ? servers.get(2).path() : null;
            if (trafficRate > 0 && !storeModel) {
                throw new StackException("traffic for the store model needs the store model: add withStoreModel()");
            }
            JavaServices java = new JavaServices(layout);
            List<String> mockCommand = mockArgs == null ? null
                    : java.modelMock(host, settings.port(Setting.MODEL_MOCK_PORT), mockArgs);
            List<String> storeModelCommand = storeModel
                    ? java.storeModel(host, settings.port(Setting.STORE_MODEL_PORT)) : null;
            InstanceLock lock = InstanceLock.prepare(data, gen, settings, () -> requireFreePorts(settings));
            log.println("stack: configs generated in " + gen);
            Path logs = data.resolve("logs");
            List<ManagedProcess> started = new java.util.concurrent.CopyOnWriteArrayList<>();
            // the children run in sessions of their own (see ManagedProcess): stopped here if the JVM ends mid-start
            Thread startupHook = new Thread(() -> stopStarted(started, lock), "native-stack-startup");
            Runtime.getRuntime().addShutdownHook(startupHook);
            try {
                List<String> prometheus = new ArrayList<>(List.of(prometheusBin.toString(),
                        "--config.file=" + gen.resolve(ConfigGenerator.PROMETHEUS_YML),
                        "--storage.tsdb.path=" + data.resolve("prometheus"),
                        "--web.listen-address=" + host + ":" + settings.port(Setting.PROMETHEUS_PORT),
                        "--web.enable-lifecycle"));
                // the same restore flags as compose: a restart does not reset a pending alert's 'for'
                prometheus.addAll(PrometheusFlags.commandLine(settings));
                started.add(launch("prometheus", prometheus, logs, "/-/ready", Setting.PROMETHEUS_PORT));
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
                if (mockCommand != null) {
                    started.add(launch("modelmock", mockCommand, logs, "/metrics", Setting.MODEL_MOCK_PORT));
                }
                if (storeModelCommand != null) {
                    started.add(launch("store-model", storeModelCommand, logs, "/health", Setting.STORE_MODEL_PORT));
                }
                for (ManagedProcess p : started) {
                    p.awaitReady(readyTimeout);
                    log.println("stack: " + p.name() + " is ready");
                }
                awaitAlertDelivery(new PrometheusApi(url(Setting.PROMETHEUS_PORT)), readyTimeout);
                log.println("stack: Prometheus sends its alerts to Alertmanager");
                if (trafficRate > 0) {
                    // started once the store model answers, so its first requests are not refused
                    ManagedProcess traffic = ManagedProcess.start("traffic", java.traffic(
                            url(Setting.STORE_MODEL_PORT).toString(), trafficRate), logs, null);
                    started.add(traffic);
                    traffic.awaitReady(readyTimeout);
                }
            } catch (RuntimeException e) {
                stopStarted(started, lock);
                throw e;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(startupHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the startup hook is stopping what was started
                }
            }
            List<StackSummary.Service> services = services();
            services.add(Binaries.versions(servers));
            return new NativeStack(settings, List.copyOf(started), services, host, gen, lock, log);
        }

        /**
         * Ready means an alert that fires now is delivered: Prometheus answers /-/ready seconds before its notifier
         * knows the configured Alertmanager, and an alert that fires in between waits for the next resend (1 minute).
         */
        static void awaitAlertDelivery(PrometheusApi prometheus, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (prometheus.activeAlertmanagers().isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new StackException("Prometheus found no Alertmanager to send alerts to within "
                            + timeout.toSeconds() + " s (see its /api/v1/alertmanagers)");
                }
                Waits.pause(Duration.ofMillis(200));
            }
        }

        private static void stopStarted(List<ManagedProcess> started, InstanceLock lock) {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            lock.close();
        }

        private List<StackSummary.Service> services() {
            List<StackSummary.Service> out = new ArrayList<>();
            out.add(new StackSummary.Service("Prometheus", url(Setting.PROMETHEUS_PORT).toString()));
            out.add(new StackSummary.Service("Alertmanager", url(Setting.ALERTMANAGER_PORT).toString()));
            if (mockArgs != null) {
                out.add(new StackSummary.Service("model mock", url(Setting.MODEL_MOCK_PORT) + "/metrics"));
            }
            if (storeModel) {
                out.add(new StackSummary.Service("store model", url(Setting.STORE_MODEL_PORT) + "/docs"));
            }
            if (nodeExporter) {
                out.add(new StackSummary.Service("node exporter", url(Setting.NODE_EXPORTER_PORT) + "/metrics"));
            }
            if (trafficRate > 0) {
                out.add(new StackSummary.Service("traffic", String.format(java.util.Locale.ROOT,
                        "%s request/s of the normal scenario to the store model", StackSummary.number(trafficRate))));
            }
            return out;
        }

        private URI url(Setting port) {
            return URI.create("http://" + clientHost(host) + ":" + settings.port(port));
        }

        /** One clear line per taken port, instead of a server failing with "address already in use" in its log. */
        private void requireFreePorts(MonitoringSettings s) {
            for (Setting port : List.of(Setting.PROMETHEUS_PORT, Setting.ALERTMANAGER_PORT, Setting.NODE_EXPORTER_PORT,
                    Setting.MODEL_MOCK_PORT, Setting.STORE_MODEL_PORT)) {
                boolean used = switch (port) {
                    case NODE_EXPORTER_PORT -> nodeExporter;
                    case MODEL_MOCK_PORT -> mockArgs != null;
                    case STORE_MODEL_PORT -> storeModel;
                    default -> true;
                };
                if (used) {
                    Ports.requireFree(host, s.port(port), port.key());
                }
            }
        }

        private ManagedProcess launch(String name, List<String> command, Path logs, String readyPath, Setting port) {
            return ManagedProcess.start(name, command, logs, URI.create(url(port) + readyPath), secrets(settings));
        }

        /** What no log may show: the receivers' URLs and the bot token, wherever a process prints them. */
        private static List<String> secrets(MonitoringSettings s) {
            return java.util.stream.Stream.of(s.discordWebhook(), s.slackWebhook(), s.telegramBotToken(),
                    s.heartbeatWebhook(), s.monitoringWebhook()).flatMap(secret -> secret.value().stream()).toList();
        }
    }
}
