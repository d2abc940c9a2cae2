package dev.monitoringlab.vm;

import dev.monitoringlab.settings.ExternalTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs an external program with a deadline, echoing its output line by line so long steps show progress. */
final class Command {
    /** Exit code and everything the program printed (stdout and stderr merged). */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Command() {
    }

    /** Fails with the Debian package to install when {@code program} is not on the PATH. */
    static void require(String program, String debianPackage) {
        new ExternalTool(List.of(program), debianPackage).require();
    }

    static Result run(List<String> command, Path dir, Duration timeout, PrintStream echo, String prefix) {
        return run(command, dir, Map.of(), timeout, line -> echo.println(prefix + line));
    }

    /** Runs {@code command} in {@code dir}; each output line goes to {@code onLine} as it arrives. */
    static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout,
                      Consumer<String> onLine) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process was killed after its deadline; what it printed so far is kept
            }
        }, "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                reader.join(2000);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                        + " s; output so far:\n" + tail(out));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        synchronized (out) {
            return new Result(p.exitValue(), out.toString());
        }
    }

    private static String tail(StringBuilder out) {
        synchronized (out) {
            String s = out.toString();
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        }
    }
}
