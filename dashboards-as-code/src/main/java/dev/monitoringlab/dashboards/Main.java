package dev.monitoringlab.dashboards;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code Main [--root DIR] [--out DIR]}: writes the dashboards and provisioning files into stack/generated/grafana. */
@Command(name = "dashboards-as-code",
        description = "Writes the Grafana dashboards and provisioning files from the settings, refusing wrong ones.")
public final class Main extends Cli.Base {
    @Mixin
    private Cli.Folders folders;

    public static void main(String[] args) {
        Cli.runAndExit(new Main(), args);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(new Main(), out, err, args);
    }

    @Override
    public Integer call() throws IOException {
        ProjectLayout layout = folders.layout();
        Path target = folders.out(GrafanaGenerator.outDir(layout));
        MonitoringSettings settings = MonitoringSettings.load(layout);
        // read (and checked) before anything is written: a bad descriptor leaves the output as it was
        List<ModelSpec> models = Models.committed(layout.root());
        List<Path> written;
        try {
            written = GrafanaGenerator.writeAll(settings, models, target);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e, e);
        }
        out().println("dashboards-as-code: wrote " + written.size() + " files to " + target + " (store model panels for "
                + String.join(", ", models.stream().map(ModelSpec::name).toList()) + ")");
        return 0;
    }
}
