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
 * and the same model mock, store model and node exporter as the single stack. The failover tests (HaStackIT, in this
 * package) kill, stop and start processes by name through package-private methods.
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
    private final RestartPolicy restartPolicy;
    private final java.io.PrintStream log;
    private volatile Supervisor supervisor;

    HaStack(MonitoringSettings settings, String host, Path logs, Map<String, Spec> specs, List<StackSummary.Service> services,
            InstanceLock lock, Duration readyTimeout, java.io.PrintStream log) {
        this.settings = settings;
        this.host = host;
        this.logs = logs;
        this.specs = Map.copyOf(specs);
        this.services = services;
        this.lock = lock;
        this.readyTimeout = readyTimeout;
        this.restartPolicy = RestartPolicy.from(settings);
        this.log = log;
        this.shutdownHook = new Thread(this::shutdown, "ha-stack-shutdown");
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

    /** Never: a process that dies is started again, one given up on is left down, and the others keep running. */
    @Override
    public Optional<String> ended() {
        return Optional.empty();
    }

    /** The pid of a running process, as a test that kills it from outside (as the OOM killer would) needs it. */
    public synchronized long pid(String name) {
        ManagedProcess p = running.get(name);
        if (p == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return p.pid();
    }

    /** The processes running now, in the order they started. */
    public synchronized List<String> names() {
        return List.copyOf(running.keySet());
    }

    /** Whether the process answers its ready URL (a client without one, such as the traffic, when it runs). */
    public boolean ready(String name) {
        ManagedProcess p;
        synchronized (this) {
            p = running.get(name);
        }
        URI url = specs.containsKey(name) ? specs.get(name).readyUrl() : null;
        return p != null && p.alive() && (url == null || Http.ok(url));
    }

    /**
     * Watches every process from now on ({@link #startAll} calls it once all are ready): one that dies is started
     * again; one that keeps dying is given up on and left down, the others keep running. A process taken out with
     * {@link #kill} or {@link #stop} is not watched until {@link #start} brings it back.
     */
    private synchronized void supervise() {
        supervisor = Supervisor.start(new Supervisor.Processes() {
            @Override
            public Map<String, ManagedProcess> supervised() {
                synchronized (HaStack.this) {
                    return new LinkedHashMap<>(running);
                }
            }

            @Override
            public Optional<ManagedProcess> restart(String name, ManagedProcess dead) {
                synchronized (HaStack.this) {
                    return running.get(name) == dead ? Optional.of(launch(name)) : Optional.empty();
                }
            }
        }, restartPolicy, log, (name, line) -> {
            synchronized (HaStack.this) {
                running.remove(name);
            }
            log.println("stack: " + name + " stays down; the rest of the highly available stack keeps running");
        });
    }

    /** SIGKILL, as a crash or an OOM kill would end it: no chance to flush or say goodbye to its peers. */
    synchronized void kill(String name) {
        ManagedProcess p = take(name);
        p.handle().destroyForcibly();
        try {
            p.handle().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StackException(name + " did not die within 10 s of SIGKILL: " + e.getMessage());
        }
    }

    /** SIGTERM, as an orderly restart would: the process flushes and leaves. */
    synchronized void stop(String name) {
        take(name).close();
    }

    /** Starts a stopped or killed process again with the same command, data and ports; waits until it is ready. */
    void start(String name) {
        ManagedProcess p;
        synchronized (this) {
            if (!specs.containsKey(name) || running.containsKey(name)) {
                throw new IllegalStateException(name + " is " + (specs.containsKey(name) ? "running" : "not part of this stack"));
            }
            p = launch(name);
        }
        // outside the lock: the supervisor may restart another process meanwhile
        p.awaitReady(readyTimeout);
    }

    /** Starts the process now, in the place of {@code name} (without waiting until it is ready). */
    private synchronized ManagedProcess launch(String name) {
        Spec spec = specs.get(name);
        int n = starts.merge(name, 1, Integer::sum);
        // a log of its own for each run, so the one that ended stays readable
        ManagedProcess p = ManagedProcess.start(n == 1 ? name : name + "." + n, spec.command(), logs, spec.readyUrl());
        running.put(name, p);
        return p;
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
        stopSupervising();
        LaunchedStack.stopNow(shutdownHook, this::stopAll);
    }

    private void shutdown() {
        stopSupervising();
        stopAll();
    }

    /** Not synchronized: the supervisor may be waiting for this stack's lock, and closing it waits for its thread. */
    private void stopSupervising() {
        Supervisor s = supervisor;
        if (s != null) {
            s.close();
        }
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
            stack.supervise();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }
}
