package dev.monitoringlab.kubernetes;

import dev.monitoringlab.dashboards.DashboardException;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code Main [--root DIR] [--out DIR]}: writes stack/generated/kubernetes/. Run by {@code mvn package} inside
 * Maven's JVM (so {@code -Dlab.*} overrides reach the settings), where System.exit would end Maven on the spot: a
 * failure is thrown without a stack trace instead, after its one line on stderr.
 */
public final class Main {
    static final String USAGE = "usage: kubernetes-as-code [--root <project root>] [--out <output folder>]";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            throw new GenerationFailed(code);
        }
    }

    /** Carries only the exit code; the reason is already on stderr. */
    static final class GenerationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GenerationFailed(int code) {
            super("kubernetes-as-code wrote nothing (exit code " + code + "): see the line before", null, false, false);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Path> flags = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--root") && !args[i].equals("--out")) {
                return usage(err, "unknown argument '" + args[i] + "'");
            }
            if (i + 1 == args.length) {
                return usage(err, args[i] + " needs a folder");
            }
            flags.put(args[i], Path.of(args[++i]));
        }
        Path root = flags.get("--root");
        Path outDir = flags.get("--out");
        ProjectLayout layout = root != null ? new ProjectLayout(root) : ProjectLayout.locate();
        Path target = outDir != null ? outDir : KubernetesGenerator.outDir(layout);
        try {
            MonitoringSettings settings = MonitoringSettings.load(layout);
            Map<String, String> files = KubernetesGenerator.render(settings);
            List<Path> written = KubernetesGenerator.write(files, target);
            out.println("kubernetes-as-code: wrote " + written.size() + " files to " + target);
            List<String> keys = AlertmanagerConfigs.secretKeys(AlertmanagerConfigs.of(settings).tree());
            out.println(keys.isEmpty()
                    ? "kubernetes-as-code: no webhook configured, so the AlertmanagerConfig's receivers send nothing, as"
                            + " alertmanager.yml's do"
                    : "kubernetes-as-code: the AlertmanagerConfig reads Secret " + WebhookSecrets.of(settings).secretName()
                            + ", keys " + String.join(", ", keys) + " (see stack/kubernetes/README.md)");
            return 0;
        } catch (SettingsException | KubernetesException | DashboardException e) {
            err.println("kubernetes-as-code: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("kubernetes-as-code: cannot write " + target + ": " + e);
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("kubernetes-as-code: " + problem + "; " + USAGE);
        return 2;
    }
}
