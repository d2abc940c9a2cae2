package dev.monitoringlab.http;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code promtool check metrics}, the official linter of the exposition format, for the tests of every /metrics. */
public final class Promtool {
    private Promtool() {
    }

    /** Lints {@code exposition}; returns promtool's complaints (empty when it passes). Fails if promtool is missing. */
    public static String checkMetrics(String exposition) throws IOException, InterruptedException {
        Path promtool = null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) {
                promtool = p;
                break;
            }
        }
        if (promtool == null) {
            throw new AssertionError("promtool not found on PATH: install the Debian package 'prometheus'"
                    + " (apt-get install prometheus, or scripts/install-deps.sh)");
        }
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promtool check metrics did not finish in 30 s");
        }
        return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + out.strip();
    }
}
