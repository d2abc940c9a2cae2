package dev.monitoringlab.rules;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code GenerateConfigsMain --root DIR [--out DIR] [--skip-checks=true]}: writes prometheus.yml, the rules and
 * alertmanager.yml under stack/generated/ and checks them with promtool and amtool. Run by {@code mvn package}.
 */
public final class GenerateConfigsMain {
    private GenerateConfigsMain() {
    }

    /**
     * Runs inside Maven's JVM (exec:java), so {@code -Dlab.*} overrides reach the settings. System.exit there would
     * end Maven on the spot, so a failure is thrown instead, without a stack trace: the reason is already printed.
     */
    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            throw new GenerationFailed(code);
        }
    }

    /** Carries only the exit code; the one-line reason went to stderr just before. */
    static final class GenerationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GenerationFailed(int code) {
            super("rules-as-code wrote nothing (exit code " + code + "): see the line before", null, false, false);
        }
    }

    static int run(String[] args) {
        Path root = null;
        Path out = null;
        boolean skipChecks = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--root") && i + 1 < args.length) {
                root = Path.of(args[++i]);
            } else if (a.equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (a.startsWith("--skip-checks=")) {
                skipChecks = Boolean.parseBoolean(a.substring("--skip-checks=".length()));
            } else {
                System.err.println("rules-as-code: unknown argument '" + a
                        + "'; usage: --root DIR [--out DIR] [--skip-checks=true|false]");
                return 2;
            }
        }
        ProjectLayout layout = root == null ? ProjectLayout.locate() : new ProjectLayout(root);
        Path outDir = out == null ? layout.generatedDir() : out;
        try {
            MonitoringSettings settings = MonitoringSettings.load(layout);
            for (Path p : ConfigGenerator.writeAll(settings, outDir)) {
                System.out.println("rules-as-code: wrote " + layout.root().relativize(p.toAbsolutePath()));
            }
            warnIfMissing("Discord", settings.discordWebhook());
            warnIfMissing("Slack", settings.slackWebhook());
            if (settings.heartbeatWebhook().value().isEmpty()) {
                System.out.println("rules-as-code: no heartbeat webhook configured, so nobody outside hears the"
                        + " Watchdog (a dead man's switch). Put its URL in " + settings.heartbeatWebhook().source() + ".");
            }
            if (skipChecks) {
                System.out.println("rules-as-code: promtool/amtool checks skipped (-Dchecks.skip=true)");
            } else {
                for (String result : ConfigChecks.checkAll(outDir)) {
                    result.lines().forEach(l -> System.out.println("rules-as-code: " + l));
                }
            }
            return 0;
        } catch (SettingsException | ExternalTool.MissingException | ConfigChecks.CheckFailedException e) {
            System.err.println("rules-as-code: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("rules-as-code: cannot write under " + outDir + ": " + e.getMessage());
            return 1;
        }
    }

    private static void warnIfMissing(String name, MonitoringSettings.Secret secret) {
        if (secret.value().isEmpty()) {
            System.out.println("rules-as-code: no " + name + " webhook configured, so alerts are not sent to " + name
                    + ". Put the URL in " + secret.source() + " and run mvn package again.");
        }
    }
}
