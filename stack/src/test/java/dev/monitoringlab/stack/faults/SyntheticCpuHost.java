package dev.monitoringlab.stack.faults;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A host whose CPU is busy or idle on demand without loading this machine: the real node exporter reads a
 * synthetic /proc/stat ({@code --path.procfs}) that a writer thread advances in real time, with the busy share the
 * test sets. The exporter re-reads the file at every scrape, so Prometheus sees an ordinary CPU counter.
 */
final class SyntheticCpuHost implements AutoCloseable {
    private static final double USER_HZ = 100;
    private final Path procDir;
    private final int port = Ports.free();
    private final Process exporter;
    private final Thread writer;
    private volatile double busyShare = 0.05;
    private volatile boolean running = true;
    private double userTicks = 1000;
    private double idleTicks = 100_000;

    SyntheticCpuHost(Path dir, ExternalTool.Distribution distribution) {
        this.procDir = dir.resolve("proc");
        try {
            Files.createDirectories(procDir);
            writeStat();
            exporter = new ProcessBuilder(ExternalTool.NODE_EXPORTER.require(distribution).toString(),
                    "--path.procfs=" + procDir, "--collector.disable-defaults", "--collector.cpu", "--collector.stat",
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("node-exporter.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the synthetic host's node exporter", e);
        }
        writer = new Thread(this::advance, "synthetic-proc-stat");
        writer.setDaemon(true);
        writer.start();
        awaitMetrics();
    }

    /** host:port for the node scrape job. */
    String target() {
        return "127.0.0.1:" + port;
    }

    /** The CPU from now on: busy ({@code 0.98} of the time in user mode) or idle ({@code 0.05}). */
    void busy(boolean busy) {
        busyShare = busy ? 0.98 : 0.05;
    }

    private void advance() {
        Instant last = Instant.now();
        while (running) {
            Waits.pause(Duration.ofMillis(250));
            Instant now = Instant.now();
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            last = now;
            userTicks += seconds * USER_HZ * busyShare;
            idleTicks += seconds * USER_HZ * (1 - busyShare);
            try {
                writeStat();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One CPU; replaced atomically so a scrape never reads half a file. */
    private void writeStat() throws IOException {
        long user = (long) userTicks;
        long idle = (long) idleTicks;
        String stat = String.format("cpu  %d 0 0 %d 0 0 0 0 0 0%ncpu0 %d 0 0 %d 0 0 0 0 0 0%n"
                + "intr 0%nctxt 0%nbtime 1700000000%nprocesses 1%nprocs_running 1%nprocs_blocked 0%n",
                user, idle, user, idle);
        Path tmp = procDir.resolve("stat.tmp");
        Files.writeString(tmp, stat);
        Files.move(tmp, procDir.resolve("stat"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitMetrics() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!exporter.isAlive()) {
                throw new IllegalStateException("the synthetic host's node exporter exited with " + exporter.exitValue());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + target() + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the synthetic host's node exporter served no CPU metrics on " + target());
    }

    @Override
    public void close() {
        running = false;
        exporter.destroy();
        try {
            writer.join(5_000); // no write may race the removal of its folder
            if (!exporter.waitFor(10, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
        } catch (InterruptedException e) {
            exporter.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
