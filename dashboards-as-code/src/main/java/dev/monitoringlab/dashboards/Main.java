package dev.monitoringlab.dashboards;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.GeneratorInputs;
import dev.monitoringlab.settings.Cli;
import java.io.IOException;
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

    @Override
    public Integer call() throws IOException {
        GeneratorInputs in = GeneratorInputs.read(folders, GrafanaGenerator::outDir);
        List<Path> written = in.write(target -> GrafanaGenerator.writeAll(in.settings(), in.models(), target));
        out().println("dashboards-as-code: wrote " + written.size() + " files to " + in.target()
                + " (store model panels for " + String.join(", ", in.models().stream().map(ModelSpec::name).toList())
                + ")");
        return 0;
    }
}
