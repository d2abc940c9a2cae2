package dev.monitoringlab.rules;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What every generator's command line reads before it writes anything (rules-as-code's, dashboards-as-code's and
 * kubernetes-as-code's): the project layout from {@code --root}, the output folder from {@code --out}, the settings
 * and the model repository's descriptors, all checked first, so that a bad setting or descriptor leaves the output
 * as it was.
 */
public record GeneratorInputs(ProjectLayout layout, Path target, MonitoringSettings settings, List<ModelSpec> models) {

    /** Reads and checks the inputs; {@code defaultTarget} gives the output folder when {@code --out} is absent. */
    public static GeneratorInputs read(Cli.Folders folders, Function<ProjectLayout, Path> defaultTarget) {
        ProjectLayout layout = folders.layout();
        Path target = folders.out(defaultTarget.apply(layout));
        MonitoringSettings settings = MonitoringSettings.load(layout);
        return new GeneratorInputs(layout, target, settings, Models.committed(layout.root()));
    }

    /** Writes into {@link #target()}; a failure names the folder (the command line prints it as its one line). */
    public <T> T write(Writer<T> writer) throws IOException {
        try {
            return writer.writeTo(target);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e, e);
        }
    }

    /** Writes the generated files into a folder. */
    @FunctionalInterface
    public interface Writer<T> {
        T writeTo(Path target) throws IOException;
    }
}
