package dev.monitoringlab.kubernetes;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code Main [--root DIR] [--out DIR]}: writes stack/generated/kubernetes/. Run by {@code mvn package} inside
 * Maven's JVM through {@link dev.monitoringlab.settings.BuildStep}, where a failure fails the build.
 */
@Command(name = "kubernetes-as-code",
        description = "Writes the Prometheus Operator resources and dashboard ConfigMaps from the settings.")
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
        Path target = folders.out(KubernetesGenerator.outDir(layout));
        MonitoringSettings settings = MonitoringSettings.load(layout);
        // read (and checked) before anything is written: a bad descriptor leaves the output as it was
        List<ModelSpec> models = Models.committed(layout.root());
        Map<String, String> files = KubernetesGenerator.render(settings, models);
        List<Path> written;
        try {
            written = KubernetesGenerator.write(files, target);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e, e);
        }
        out().println("kubernetes-as-code: wrote " + written.size() + " files to " + target);
        List<String> keys = AlertmanagerConfigs.secretKeys(AlertmanagerConfigs.of(settings).tree());
        out().println(keys.isEmpty()
                ? "kubernetes-as-code: no webhook configured, so the AlertmanagerConfig's receivers send nothing, as"
                        + " alertmanager.yml's do"
                : "kubernetes-as-code: the AlertmanagerConfig reads Secret " + WebhookSecrets.of(settings).secretName()
                        + ", keys " + String.join(", ", keys) + " (see stack/kubernetes/README.md)");
        return 0;
    }
}
