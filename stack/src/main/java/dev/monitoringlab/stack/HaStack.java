package dev.monitoringlab.stack;

import dev.monitoringlab.rules.HighAvailability;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The highly available stack without Docker ({@code run.sh --ha}): VictoriaMetrics, two Alertmanagers in one gossip
 * cluster, two Prometheus replicas that differ only in their {@code replica} label (see {@link HighAvailability}),
 * and the same model mock, store model and node exporter as the single stack. Each process can be killed, stopped
 * and started again by name, which is what the failover tests do.
 */
public final class HaStack implements LaunchedStack {
    public static final String VICTORIA_METRICS = "victoria-metrics";

    /** How to start a process again: its command line and the URL that says it is ready. */
    record Spec(List<String> command, URI readyUrl) {
    }

    private final MonitoringSettings settings;
    private final String host;
    private final Path logs;
    private final Map<String, Spec> specs;
    private final Map<String, ManagedProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final List<StackSummary.Service> services;
    private final InstanceLock lock;
    private final Duration readyTimeout;
    private final Thread shutdownHook;

    HaStack(MonitoringSettings settings, String host, Path logs, Map<String, Spec> specs, List<StackSummary.Service> services,
            InstanceLock lock, Duration readyTimeout) {
        this.settings = settings;
        this.host = host;
        this.logs = logs;
        this.specs = Map.copyOf(specs);
        this.services = services;
        this.lock = lock;
        this.readyTimeout = readyTimeout;
        this.shutdownHook = new Thread(this::stopAll, "ha-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static String prometheusName(String replica) {
        return "prometheus-" + replica;
    }

    public static String alertmanagerName(String peer) {
        return "alertmanager-" + peer;
    }

    public MonitoringSettings settings() {
        return settings;
    }

    /** Replica "a", the one on prometheus.port: what the summary asks about targets. */
    @Override
    public PrometheusApi prometheus() {
        return prometheus("a");
    }

    public PrometheusApi prometheus(String replica) {
        return new PrometheusApi(url(HighAvailability.prometheusPort(settings, replica)));
    }

    public AlertmanagerApi alertmanager(String peer) {
        return new AlertmanagerApi(url(HighAvailability.alertmanagerPort(settings, peer)));
    }

    /** VictoriaMetrics answers Prometheus's query API (/api/v1/query, /api/v1/query_range). */
    public PrometheusApi victoriaMetrics() {
        return new PrometheusApi(url(settings.port(Setting.VICTORIA_METRICS_PORT)));
    }

    private URI url(int port) {
        return URI.create("http://" + NativeStack.clientHost(host) + ":" + port);
    }

    @Override
    public List<StackSummary.Service> services() {
        return services;
    }

    @Override
    public synchronized List<String> describe() {
        return running.values().stream().map(p -> p.name() + " (pid " + p.pid() + ", log " + p.log() + ")").toList();
    }

    @Override
    public synchronized Optional<String> deadProcess() {
        return running.values().stream().filter(p -> !p.alive()).map(p -> p.name() + " stopped; the end of its log:\n"
                + p.tail()).findFirst();
    }

    /** SIGKILL, as a crash or an OOM kill would end it: no chance to flush or say goodbye to its peers. */
    public synchronized void kill(String name) {
        ManagedProcess p = take(name);
        p.handle().destroyForcibly();
        try {
            p.handle().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StackException(name + " did not die within 10 s of SIGKILL: " + e.getMessage());
        }
    }

    /** SIGTERM, as an orderly restart would: the process flushes and leaves. */
    public synchronized void stop(String name) {
        take(name).close();
    }

    /** Starts a stopped or killed process again with the same command, data and ports; waits until it is ready. */
    public synchronized void start(String name) {
        Spec spec = specs.get(name);
        if (spec == null || running.containsKey(name)) {
            throw new IllegalStateException(name + " is " + (spec == null ? "not part of this stack" : "running"));
        }
        int n = starts.merge(name, 1, Integer::sum);
        // a log of its own for each run, so the one that ended stays readable
        ManagedProcess p = ManagedProcess.start(n == 1 ? name : name + "." + n, spec.command(), logs, spec.readyUrl());
        running.put(name, p);
        p.awaitReady(readyTimeout);
    }

    private ManagedProcess take(String name) {
        ManagedProcess p = running.remove(name);
        if (p == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return p;
    }

    @Override
    public void close() {
        LaunchedStack.stopNow(shutdownHook, this::stopAll);
    }

    private synchronized void stopAll() {
        List<ManagedProcess> all = new ArrayList<>(running.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
        running.clear();
        lock.close();
    }

    /** Starts every spec in order, all or nothing: a failure stops what was started. */
    static HaStack startAll(HaStack stack, List<String> order) {
        try {
            for (String name : order) {
                stack.start(name);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }
}
