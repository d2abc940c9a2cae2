package dev.monitoringlab.rules;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ExternalTool.Distribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official checkers on generated files: promtool check config/rules, amtool check-config, promtool test;
 * the checks of the build on both distributions of the binaries ({@link ExternalTool.Distribution}).
 */
public final class ConfigChecks {

    /** A checker that said no; the message holds its output. */
    public static final class CheckFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CheckFailedException(String message) {
            super(message);
        }
    }

    private ConfigChecks() {
    }

    /**
     * check config (which also loads the rule files it names), check rules on each rule file, check-config, with
     * every selected distribution ({@link Distribution#selected()}: Debian 12's and the current release). The
     * build passes {@code requireAll = false}: a distribution that is not installed is named in one line and
     * skipped, and only none at all fails. Tests pass {@code true}: a missing one fails, saying how to get it.
     */
    public static List<String> checkAll(Path generatedDir, boolean requireAll) throws IOException {
        List<String> out = new ArrayList<>();
        ExternalTool.MissingException firstMissing = null;
        int checked = 0;
        for (Distribution d : Distribution.selected()) {
            ExternalTool.Found promtool;
            ExternalTool.Found amtool;
            try {
                promtool = ExternalTool.PROMTOOL.locate(d);
                amtool = ExternalTool.AMTOOL.locate(d);
            } catch (ExternalTool.MissingException e) {
                if (requireAll) {
                    throw e;
                }
                firstMissing = firstMissing == null ? e : firstMissing;
                out.add("not checked with the " + d.id() + " distribution: " + e.getMessage());
                continue;
            }
            out.add("checked with " + promtool.describe() + " and " + amtool.describe() + ":");
            out.addAll(checkAll(generatedDir, promtool.path(), amtool.path()));
            checked++;
        }
        if (checked == 0 && firstMissing != null) {
            throw firstMissing;
        }
        return out;
    }

    /** With Debian's promtool and amtool, or the current ones when only those are installed. */
    public static List<String> checkAll(Path generatedDir) throws IOException {
        return checkAll(generatedDir, false);
    }

    private static List<String> checkAll(Path generatedDir, Path promtool, Path amtool) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(run(promtool, "check", "config", generatedDir.resolve(ConfigGenerator.PROMETHEUS_YML).toString()));
        for (String replica : HighAvailability.REPLICAS) {
            out.add(run(promtool, "check", "config", generatedDir.resolve(HighAvailability.prometheusYml(replica))
                    .toString()));
        }
        List<String> rules = new ArrayList<>(List.of("check", "rules"));
        try (var files = java.nio.file.Files.list(generatedDir.resolve(ConfigGenerator.PROMETHEUS_YML).resolveSibling("rules"))) {
            files.filter(f -> f.toString().endsWith(".rules.yml")).sorted().forEach(f -> rules.add(f.toString()));
        }
        out.add(run(promtool, rules.toArray(String[]::new)));
        out.add(run(amtool, "check-config", generatedDir.resolve(ConfigGenerator.ALERTMANAGER_YML).toString()));
        return out;
    }

    /** Runs Debian's binary (on PATH). */
    public static String run(ExternalTool tool, String... args) {
        return run(tool.require(), args);
    }

    public static String run(Path binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new CheckFailedException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new CheckFailedException(String.join(" ", command) + " failed:\n" + output.strip());
            }
            return output.strip();
        } catch (IOException e) {
            throw new CheckFailedException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException("interrupted while running " + command.get(0));
        }
    }
}
