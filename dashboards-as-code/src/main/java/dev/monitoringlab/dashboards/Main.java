package dev.monitoringlab.dashboards;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code Main [--root DIR] [--out DIR]}: writes the dashboards and provisioning files into stack/generated/grafana. */
public final class Main {
    static final String USAGE = "usage: dashboards-as-code [--root <project root>] [--out <output folder>]";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path root = null;
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--root" -> {
                    if (!hasValue) {
                        return usage(err, "--root needs a folder");
                    }
                    root = Path.of(args[++i]);
                }
                case "--out" -> {
                    if (!hasValue) {
                        return usage(err, "--out needs a folder");
                    }
                    outDir = Path.of(args[++i]);
                }
                default -> {
                    return usage(err, "unknown argument '" + args[i] + "'");
                }
            }
        }
        ProjectLayout layout = root != null ? new ProjectLayout(root) : ProjectLayout.locate();
        Path target = outDir != null ? outDir : GrafanaGenerator.outDir(layout);
        try {
            MonitoringSettings settings = MonitoringSettings.load(layout);
            List<Path> written = GrafanaGenerator.writeAll(settings, target);
            out.println("dashboards-as-code: wrote " + written.size() + " files to " + target);
            return 0;
        } catch (SettingsException | DashboardException e) {
            err.println("dashboards-as-code: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("dashboards-as-code: cannot write " + target + ": " + e);
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("dashboards-as-code: " + problem + "; " + USAGE);
        return 2;
    }
}
