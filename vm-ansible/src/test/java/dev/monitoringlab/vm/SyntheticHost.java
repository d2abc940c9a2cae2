package dev.monitoringlab.vm;

import dev.monitoringlab.rules.ExternalTool;
import dev.monitoringlab.stack.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host of a simulated fleet: the real node exporter reading a synthetic /proc whose CPU counters this class
 * advances, busy or idle on demand, without loading this machine. {@link #tick(Duration)} adds the elapsed
 * time to every CPU's user (busy) or idle (idle) counter, in USER_HZ ticks as the kernel does.
 */
final class SyntheticHost implements AutoCloseable {
    private static final int USER_HZ = 100;
    private final String name;
    private final int port;
    private final int cpus;
    private final Path procDir;
    private Process exporter;
    private final long[] user;
    private final long[] idle;
    private volatile boolean busy;

    private SyntheticHost(String name, int port, int cpus, Path procDir) {
        this.name = name;
        this.port = port;
        this.cpus = cpus;
        this.procDir = procDir;
        this.user = new long[cpus];
        this.idle = new long[cpus];
    }

    /** Writes an idle /proc/stat, starts the exporter on {@code 127.0.0.1:port} and waits until it answers. */
    static SyntheticHost start(String name, int port, int cpus, Path workDir) {
        Path exporterBin = ExternalTool.NODE_EXPORTER.require();
        Path procDir = workDir.resolve(name + "/proc");
        try {
            Files.createDirectories(procDir);
            Path log = workDir.resolve(name + "/exporter.log");
            SyntheticHost host = new SyntheticHost(name, port, cpus, procDir);
            host.writeStat();
            Process p = new ProcessBuilder(exporterBin.toString(), "--path.procfs=" + procDir,
                    "--collector.disable-defaults", "--collector.cpu", "--collector.stat",
                    "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            host.exporter = p;
            Instant deadline = Instant.now().plusSeconds(20);
            while (!answers(URI.create("http://127.0.0.1:" + port + "/metrics"))) {
                if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                    p.destroyForcibly();
                    throw new AssertionError("node exporter of " + name + " did not answer on port " + port + ":\n"
                            + Files.readString(log));
                }
                Waits.pause(Duration.ofMillis(100));
            }
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the synthetic host " + name, e);
        }
    }

    private static boolean answers(URI uri) {
        try {
            return NodeExporterHttp.getPlain(uri).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    String target() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    void busy(boolean busy) {
        this.busy = busy;
    }

    /** Advances the counters by {@code elapsed} of busy or idle time and rewrites /proc/stat atomically. */
    synchronized void tick(Duration elapsed) {
        long ticks = elapsed.toMillis() * USER_HZ / 1000;
        for (int i = 0; i < cpus; i++) {
            if (busy) {
                user[i] += ticks;
            } else {
                idle[i] += ticks;
            }
        }
        writeStat();
    }

    private void writeStat() {
        StringBuilder sb = new StringBuilder();
        long totalUser = 0;
        long totalIdle = 0;
        for (int i = 0; i < cpus; i++) {
            totalUser += user[i];
            totalIdle += idle[i];
        }
        sb.append(cpuLine("cpu ", totalUser, totalIdle));
        for (int i = 0; i < cpus; i++) {
            sb.append(cpuLine("cpu" + i, user[i], idle[i]));
        }
        sb.append("intr 0\nctxt 0\nbtime 1700000000\nprocesses 1\nprocs_running 1\nprocs_blocked 0\n");
        try {
            Path tmp = procDir.resolve("stat.tmp");
            Files.writeString(tmp, sb);
            Files.move(tmp, procDir.resolve("stat"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + procDir.resolve("stat"), e);
        }
    }

    private static String cpuLine(String label, long user, long idle) {
        // user nice system idle iowait irq softirq steal guest guest_nice
        return String.join(" ", List.of(label, Long.toString(user), "0", "0", Long.toString(idle), "0", "0", "0", "0",
                "0", "0")) + "\n";
    }

    @Override
    public void close() {
        if (exporter == null) {
            return;
        }
        exporter.destroy();
        try {
            if (!exporter.waitFor(10, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
        } catch (InterruptedException e) {
            exporter.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
