package dev.monitoringlab.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack, its log file (output copied with the secrets redacted, see {@link RedactingLog})
 * and the URL that says it is ready (none for a client such as the traffic generator: it is ready once it runs).
 */
final class ManagedProcess implements AutoCloseable {
    private static final int TAIL_LINES = 15;
    private static final int TAIL_BYTES = 64 * 1024;
    private final String name;
    private final List<String> command;
    private final List<String> secrets;
    private final Process process;
    private final Thread logPump;
    private final Path log;
    private final URI readyUrl;

    private ManagedProcess(String name, List<String> command, List<String> secrets, Process process, Thread logPump,
                           Path log, URI readyUrl) {
        this.name = name;
        this.command = List.copyOf(command);
        this.secrets = List.copyOf(secrets);
        this.process = process;
        this.logPump = logPump;
        this.log = log;
        this.readyUrl = readyUrl;
    }

    /** A process that is given no secrets: its log is copied as it is. */
    static ManagedProcess start(String name, List<String> command, Path logDir, URI readyUrl) {
        return start(name, command, logDir, readyUrl, List.of());
    }

    static ManagedProcess start(String name, List<String> command, Path logDir, URI readyUrl, List<String> secrets) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new StackException("cannot create " + logDir + ": " + e.getMessage());
        }
        return launch(name, command, logDir.resolve(name + ".log"), readyUrl, secrets, false);
    }

    /** The same command once more, its output appended to the same log: a restart keeps the earlier lines. */
    ManagedProcess startAgain() {
        return launch(name, command, log, readyUrl, secrets, true);
    }

    private static ManagedProcess launch(String name, List<String> command, Path log, URI readyUrl,
                                         List<String> secrets, boolean append) {
        try {
            // setsid (util-linux) puts the child in a session of its own: Ctrl+C in the terminal reaches only the
            // launcher, which then stops its children in order, instead of every process dying at once and the
            // launcher mistaking that for a crash
            List<String> detached = new java.util.ArrayList<>();
            detached.add("setsid");
            detached.addAll(command);
            Process p = new ProcessBuilder(detached).redirectErrorStream(true).start();
            p.getOutputStream().close();
            Thread pump = RedactingLog.pump(name, p.getInputStream(), log, secrets, append);
            return new ManagedProcess(name, command, secrets, p, pump, log, readyUrl);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Polls the ready URL; fails fast with the log's tail if the process exits first. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue() + " before it was ready;"
                        + " the end of " + log + ":\n" + tail());
            }
            if (readyUrl == null || Http.ok(readyUrl)) {
                return;
            }
            Waits.pause(Duration.ofMillis(100));
        }
        throw new StackException(name + " was not ready at " + readyUrl + " after " + timeout.toSeconds()
                + " s; the end of " + log + ":\n" + tail());
    }

    /**
     * The last lines of its log. Once the process has died, the copying thread is given time to write the last
     * lines it printed first, so the tail is the real end of the log, not what had been copied so far. Read as
     * bytes from the end, so a large log costs no more than a small one and a cut character is no error.
     */
    String tail() {
        if (!process.isAlive()) {
            try {
                logPump.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(log)) {
            long size = ch.size();
            int n = (int) Math.min(size, TAIL_BYTES);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(n);
            ch.position(size - n);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read until the buffer is full
            }
            List<String> lines = new String(buf.array(), 0, buf.position(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().toList();
            if (lines.isEmpty()) {
                return "(" + log + " is empty: the process printed nothing)";
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** How it ended, once it has: "exit code 1", or the signal that killed it (Java reports 128 + the signal). */
    String exitDescription() {
        if (process.isAlive()) {
            return "still running";
        }
        int code = process.exitValue();
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL: killed, for example by the OOM killer)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                case 2 -> " (SIGINT)";
                default -> "";
            };
            return "killed by signal " + signal + name;
        }
        return "exit code " + code;
    }

    /**
     * Whether a new process could listen on this one's port now, binding as the JVM services' server does: the JDK
     * opens server sockets with SO_REUSEADDR, so connections of a killed predecessor lingering in TIME_WAIT do not
     * stand in the way, but a process still listening there (a predecessor not quite gone, another program) does,
     * and a new one would die at once with "Address already in use". The Go servers (Prometheus, Alertmanager,
     * VictoriaMetrics, node exporter) report such a port in their own log and are restarted by the backoff; a
     * process without a ready URL listens nowhere: both always true.
     */
    boolean portFree() {
        if (readyUrl == null || readyUrl.getPort() < 0 || !Path.of(command.get(0)).getFileName().toString().equals("java")) {
            return true;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(readyUrl.getHost(), readyUrl.getPort()));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    int port() {
        return readyUrl == null ? -1 : readyUrl.getPort();
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no shutdown work. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            logPump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            logPump.join(2_000); // the last lines reach the log before anyone reads it
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
