package dev.monitoringlab.stack;

import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The launcher's command line: {@code java -jar stack/target/stack-launcher.jar [options]} runs the native stack
 * ({@link NativeStack}) until Ctrl+C; {@code compose-env} and {@code summary} are the Docker path's two steps
 * around {@code docker compose up} (see stack/up.sh). The command line behaves as every other of the project
 * ({@link Cli}): one line {@code stack: <message>}, exit 2 for a wrong command line, 1 for a stack that cannot start.
 */
@Command(name = "stack", sortOptions = false,
        description = "Generates the configs and runs the native stack: Prometheus, Alertmanager, the model mock,"
                + " the store model with steady traffic, and this machine's node exporter when the node job scrapes it."
                + " Ctrl+C stops everything.",
        subcommands = {StackMain.ComposeEnvCommand.class, StackMain.SummaryCommand.class})
public final class StackMain extends Cli.Base {
    @Option(names = "--no-mock", description = "do not start the model mock")
    boolean noMock;
    @Option(names = "--no-store-model", description = "do not start the store model service (nor its traffic)")
    boolean noStoreModel;
    @Option(names = "--with-node-exporter",
            description = "start this machine's node exporter and scrape it even when targets.node points elsewhere")
    boolean withNodeExporter;
    @Option(names = "--ha", description = "the highly available stack: two Prometheus replicas, two Alertmanagers in"
            + " one gossip cluster, VictoriaMetrics (also when ha.enabled=true)")
    boolean ha;
    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address the servers listen on (default ${DEFAULT-VALUE}; 0.0.0.0 opens them up)")
    String listen;
    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "configs in DIR/generated, data and logs in DIR/data (default stack/generated, stack/data)")
    Path workDir;
    @Option(names = "--mock-arg", paramLabel = "FLAG", description = "a flag for the mock, e.g. --mock-arg=--values --mock-arg=0.2,0.9")
    List<String> mockArgs = new ArrayList<>();
    @Option(names = "--targets-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long the summary waits for every target to be up (default ${DEFAULT-VALUE})")
    int targetsTimeout;

    @Option(names = "--binaries", paramLabel = "DISTRIBUTION", converter = DistributionConverter.class,
            description = "debian: Debian 12's Prometheus, Alertmanager, node exporter on PATH; current: the releases"
                    + " scripts/current-versions.sh fetched (default: current when fetched, else debian)")
    ExternalTool.Distribution binaries;

    /** debian or current, in the words of LAB_DISTRIBUTIONS. */
    static final class DistributionConverter implements CommandLine.ITypeConverter<ExternalTool.Distribution> {
        @Override
        public ExternalTool.Distribution convert(String value) {
            try {
                return ExternalTool.Distribution.parse(value).get(0);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown distribution '" + value
                        + "' (known: debian, current)");
            }
        }
    }

    /** Always exits: the stack's threads end with the JVM, after Ctrl+C has stopped its processes. */
    public static void main(String[] args) {
        System.exit(Cli.run(new StackMain(), System.out, System.err, args));
    }

    @Override
    public Integer call() {
        if (targetsTimeout < 1) {
            throw usage("--targets-timeout must be at least 1");
        }
        ProjectLayout layout = ProjectLayout.locate();
        MonitoringSettings settings = loadSettings(layout);
        boolean nodeExporter = withNodeExporter || LocalNodeExporter.scraped(settings);
        double traffic = noStoreModel ? 0 : settings.number(Setting.STORE_MODEL_TRAFFIC_RATE);
        NativeStack.Builder b = NativeStack.builder(settings).layout(layout).listenHost(listen).log(System.out)
                .distribution(binaries);
        if (workDir != null) {
            b.workDir(workDir);
        }
        if (!noMock) {
            b.withModelMock(mockArgs.toArray(String[]::new));
        }
        if (!noStoreModel) {
            b.withStoreModel().withStoreModelTraffic(traffic);
        }
        if (nodeExporter) {
            b.withNodeExporter();
        }
        boolean highlyAvailable = ha || settings.flag(Setting.HA_ENABLED);
        LaunchedStack stack = start(highlyAvailable ? b::startHighlyAvailable : b::start);
        return new Foreground(stack, System.out, System.err).run(Duration.ofSeconds(targetsTimeout));
    }

    private static MonitoringSettings loadSettings(ProjectLayout layout) {
        try {
            return MonitoringSettings.load(layout);
        } catch (SettingsException e) {
            throw new StackException(e.getMessage());
        }
    }

    private static LaunchedStack start(java.util.function.Supplier<LaunchedStack> starter) {
        try {
            return starter.get();
        } catch (ExternalTool.MissingException | SettingsException e) {
            throw new StackException(e.getMessage());
        }
    }

    /** Docker path, before {@code docker compose up}: stack/.env from the settings and the Grafana password. */
    @Command(name = "compose-env",
            description = "Writes stack/.env from the settings (uid/gid, ports, profiles) and makes a Grafana admin"
                    + " password in stack/secrets/ if there is none (printed once).")
    static final class ComposeEnvCommand extends Cli.Base {
        @Option(names = "--uid", required = true, description = "the host user's id (id -u)")
        long uid;
        @Option(names = "--gid", required = true, description = "the host user's group id (id -g)")
        long gid;
        @Option(names = "--check-ports", description = "first refuse, in one line, a port another program holds")
        boolean checkPorts;

        @Override
        public Integer call() throws IOException {
            ProjectLayout layout = ProjectLayout.locate();
            ComposeEnv env = new ComposeEnv(layout, System.out);
            MonitoringSettings settings = loadSettings(layout);
            if (checkPorts) {
                ComposeEnv.requireFreePorts(settings);
            }
            env.prepare(settings, uid, gid);
            System.out.println("stack: " + env.envFile() + " written; compose profiles: "
                    + String.join(",", ComposeEnv.profiles(loadSettings(layout))));
            return 0;
        }
    }

    /** Docker path, after {@code docker compose up -d}: the same summary the native stack prints. */
    @Command(name = "summary",
            description = "Waits for Prometheus's targets and prints every compose service with its URL.")
    static final class SummaryCommand extends Cli.Base {
        @Option(names = "--targets-timeout", paramLabel = "SECONDS", defaultValue = "90",
                description = "how long to wait for every target to be up (default ${DEFAULT-VALUE})")
        int targetsTimeout;

        @Override
        public Integer call() {
            MonitoringSettings s = loadSettings(ProjectLayout.locate());
            List<StackSummary.Service> services = ComposeEnv.services(s);
            PrometheusApi prometheus = new PrometheusApi(java.net.URI.create("http://127.0.0.1:"
                    + s.port(Setting.PROMETHEUS_PORT)));
            PrintStream out = System.out;
            out.println(StackSummary.render(services, StackSummary.awaitTargets(prometheus,
                    Duration.ofSeconds(targetsTimeout))));
            return 0;
        }
    }
}
