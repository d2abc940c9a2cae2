package dev.monitoringlab.rules;

import dev.monitoringlab.settings.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the official checkers on generated files: promtool check config/rules, amtool check-config, promtool test. */
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

    /** check config (which also loads the rule files it names), check rules on each rule file, check-config. */
    public static List<String> checkAll(Path generatedDir) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        out.add(run(ExternalTool.PROMTOOL, "check", "config", generatedDir.resolve(ConfigGenerator.PROMETHEUS_YML).toString()));
        for (String replica : HighAvailability.REPLICAS) {
            out.add(run(ExternalTool.PROMTOOL, "check", "config", generatedDir.resolve(HighAvailability.prometheusYml(replica))
                    .toString()));
        }
        List<String> rules = new ArrayList<>(List.of("check", "rules"));
        try (var files = java.nio.file.Files.list(generatedDir.resolve(ConfigGenerator.PROMETHEUS_YML).resolveSibling("rules"))) {
            files.filter(f -> f.toString().endsWith(".rules.yml")).sorted().forEach(f -> rules.add(f.toString()));
        }
        out.add(run(ExternalTool.PROMTOOL, rules.toArray(String[]::new)));
        out.add(run(ExternalTool.AMTOOL, "check-config", generatedDir.resolve(ConfigGenerator.ALERTMANAGER_YML).toString()));
        return out;
    }

    public static String run(ExternalTool tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(tool.require().toString());
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
