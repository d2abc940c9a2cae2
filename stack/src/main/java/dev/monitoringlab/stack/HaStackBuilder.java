package dev.monitoringlab.stack;

import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.PrometheusFlags;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.rules.HighAvailability;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the highly available stack from the same options as the single one ({@link NativeStack.Builder}
 * collects them; {@link NativeStack.Builder#startHighlyAvailable()} comes here): what runs, on which ports, with
 * which command lines.
 */
public final class HaStackBuilder {
    /** Gossip stays on this machine: both peers run here, and loopback needs no advertise address. */
    static final String GOSSIP_HOST = "127.0.0.1";

    /** What the launcher's options say to start, as {@link NativeStack.Builder} collects them. */
    record Options(MonitoringSettings settings, ProjectLayout layout, Path generatedDir, Path dataDir, String host,
                   List<String> mockArgs, boolean nodeExporter, boolean storeModel, double trafficRate,
                   Duration readyTimeout, PrintStream log) {
    }

    private final MonitoringSettings settings;
    private final ProjectLayout layout;
    private final Path generatedDir;
    private final Path dataDir;
    private final String host;
    private final List<String> mockArgs;
    private final boolean nodeExporter;
    private final boolean storeModel;
    private final double trafficRate;
    private final Duration readyTimeout;
    private final PrintStream log;
    private final Binaries binaries;
    private final List<ExternalTool.Found> servers = new ArrayList<>();

    HaStackBuilder(Options o, ExternalTool.Distribution distribution) {
        this.settings = o.settings();
        this.layout = o.layout();
        this.generatedDir = o.generatedDir();
        this.dataDir = o.dataDir();
        this.host = o.host();
        this.mockArgs = o.mockArgs();
        this.nodeExporter = o.nodeExporter();
        this.storeModel = o.storeModel();
        this.trafficRate = o.storeModel() ? o.trafficRate() : 0;
        this.readyTimeout = o.readyTimeout();
        this.log = o.log();
        this.binaries = Binaries.of(distribution);
    }

    HaStack start() {
        MonitoringSettings s = nodeExporter ? LocalNodeExporter.addedToTargets(settings) : settings;
        Path gen = generatedDir != null ? generatedDir : layout.generatedDir();
        Path data = dataDir != null ? dataDir : layout.stackDir().resolve("data");
        HighAvailability.checkPeerTimeout(s);
        Map<String, Integer> ports = ports(s);
        requireDistinct(ports);
        Map<String, HaStack.Spec> specs = specs(s, gen, data);
        InstanceLock lock = InstanceLock.prepare(data, gen, s, () -> ports.forEach((key, port) -> Ports.requireFree(
                key.startsWith("ha.alertmanager") && key.endsWith("cluster-port") ? GOSSIP_HOST : host, port, key)));
        log.println("stack: configs generated in " + gen + " (highly available: " + String.join(", ", specs.keySet()) + ")");
        HaStack stack = new HaStack(s, host, data.resolve("logs"), specs, services(s), lock, readyTimeout, log);
        return HaStack.startAll(stack, List.copyOf(specs.keySet()));
    }

    /** Every port this stack binds, by the setting that holds it. */
    private Map<String, Integer> ports(MonitoringSettings s) {
        List<Setting> used = new ArrayList<>(List.of(Setting.VICTORIA_METRICS_PORT, Setting.ALERTMANAGER_PORT,
                Setting.HA_ALERTMANAGER_PORT_B, Setting.HA_ALERTMANAGER_CLUSTER_PORT, Setting.HA_ALERTMANAGER_CLUSTER_PORT_B,
                Setting.PROMETHEUS_PORT, Setting.HA_PROMETHEUS_PORT_B));
        if (mockArgs != null) {
            used.add(Setting.MODEL_MOCK_PORT);
        }
        if (storeModel) {
            used.add(Setting.STORE_MODEL_PORT);
        }
        if (nodeExporter) {
            used.add(Setting.NODE_EXPORTER_PORT);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        used.forEach(p -> out.put(p.key(), s.port(p)));
        return out;
    }

    /** Two settings with the same port would make the second server fail in its log: say it in one line instead. */
    static void requireDistinct(Map<String, Integer> ports) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        ports.forEach((key, port) -> {
            String other = seen.putIfAbsent(port, key);
            if (other != null) {
                throw new StackException(other + " and " + key + " are both " + port + ": the highly available stack"
                        + " needs a port of its own for each; change one in stack/settings.properties");
            }
        });
    }

    private Map<String, HaStack.Spec> specs(MonitoringSettings s, Path gen, Path data) {
        Path prometheusBin = found(ExternalTool.PROMETHEUS);
        Path alertmanagerBin = found(ExternalTool.ALERTMANAGER);
        Path vmBin = found(ExternalTool.VICTORIA_METRICS);
        Map<String, HaStack.Spec> specs = new LinkedHashMap<>();
        specs.put(HaStack.VICTORIA_METRICS, spec(VictoriaMetricsFlags.command(vmBin, s, host, data.resolve("victoria-metrics")),
                s.port(Setting.VICTORIA_METRICS_PORT), "/health"));
        for (String peer : HighAvailability.REPLICAS) {
            List<String> cmd = new ArrayList<>(List.of(alertmanagerBin.toString(),
                    "--config.file=" + gen.resolve(ConfigGenerator.ALERTMANAGER_YML),
                    "--storage.path=" + data.resolve(HaStack.alertmanagerName(peer)),
                    "--web.listen-address=" + host + ":" + HighAvailability.alertmanagerPort(s, peer),
                    "--cluster.listen-address=" + GOSSIP_HOST + ":" + HighAvailability.alertmanagerClusterPort(s, peer),
                    "--cluster.peer-timeout=" + s.promDuration(Setting.HA_ALERTMANAGER_PEER_TIMEOUT)));
            // every peer names every other, so whichever restarts finds the cluster again
            HighAvailability.REPLICAS.stream().filter(other -> !other.equals(peer)).forEach(other -> cmd.add(
                    "--cluster.peer=" + GOSSIP_HOST + ":" + HighAvailability.alertmanagerClusterPort(s, other)));
            specs.put(HaStack.alertmanagerName(peer), spec(cmd, HighAvailability.alertmanagerPort(s, peer), "/-/ready"));
        }
        for (String replica : HighAvailability.REPLICAS) {
            List<String> cmd = new ArrayList<>(List.of(prometheusBin.toString(),
                    "--config.file=" + gen.resolve(HighAvailability.prometheusYml(replica)),
                    "--storage.tsdb.path=" + data.resolve(HaStack.prometheusName(replica)),
                    "--web.listen-address=" + host + ":" + HighAvailability.prometheusPort(s, replica),
                    "--web.enable-lifecycle"));
            // the same restore flags as the single stack and compose: a restart does not reset a pending 'for'
            cmd.addAll(PrometheusFlags.commandLine(s));
            specs.put(HaStack.prometheusName(replica), spec(cmd, HighAvailability.prometheusPort(s, replica), "/-/ready"));
        }
        JavaServices java = new JavaServices(layout);
        if (nodeExporter) {
            specs.put("node-exporter", spec(List.of(found(ExternalTool.NODE_EXPORTER).toString(),
                    "--web.listen-address=" + host + ":" + s.port(Setting.NODE_EXPORTER_PORT)),
                    s.port(Setting.NODE_EXPORTER_PORT), "/metrics"));
        }
        if (mockArgs != null) {
            specs.put("modelmock", spec(java.modelMock(host, s.port(Setting.MODEL_MOCK_PORT), mockArgs),
                    s.port(Setting.MODEL_MOCK_PORT), "/metrics"));
        }
        if (storeModel) {
            specs.put("store-model", spec(java.storeModel(host, s.port(Setting.STORE_MODEL_PORT)),
                    s.port(Setting.STORE_MODEL_PORT), "/health"));
            if (trafficRate > 0) {
                specs.put("traffic", new HaStack.Spec(java.traffic(url(s.port(Setting.STORE_MODEL_PORT)).toString(),
                        trafficRate), null));
            }
        }
        return specs;
    }

    private HaStack.Spec spec(List<String> command, int port, String readyPath) {
        return new HaStack.Spec(List.copyOf(command), URI.create(url(port) + readyPath));
    }

    private URI url(int port) {
        return URI.create("http://" + NativeStack.clientHost(host) + ":" + port);
    }

    private Path found(ExternalTool tool) {
        ExternalTool.Found f = binaries.locate(tool);
        servers.add(f);
        return f.path();
    }

    private List<StackSummary.Service> services(MonitoringSettings s) {
        List<StackSummary.Service> out = new ArrayList<>();
        for (String r : HighAvailability.REPLICAS) {
            out.add(new StackSummary.Service("Prometheus replica " + r, url(HighAvailability.prometheusPort(s, r)).toString()));
        }
        for (String r : HighAvailability.REPLICAS) {
            out.add(new StackSummary.Service("Alertmanager " + r, url(HighAvailability.alertmanagerPort(s, r)).toString()));
        }
        out.add(new StackSummary.Service("VictoriaMetrics", url(s.port(Setting.VICTORIA_METRICS_PORT)) + "/vmui"));
        if (mockArgs != null) {
            out.add(new StackSummary.Service("model mock", url(s.port(Setting.MODEL_MOCK_PORT)) + "/metrics"));
        }
        if (storeModel) {
            out.add(new StackSummary.Service("store model", url(s.port(Setting.STORE_MODEL_PORT)) + "/docs"));
        }
        if (nodeExporter) {
            out.add(new StackSummary.Service("node exporter", url(s.port(Setting.NODE_EXPORTER_PORT)) + "/metrics"));
        }
        out.add(Binaries.versions(servers));
        return out;
    }
}
