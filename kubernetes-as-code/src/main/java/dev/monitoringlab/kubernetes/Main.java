package dev.monitoringlab.kubernetes;

import dev.monitoringlab.rules.GeneratorInputs;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import java.io.IOException;
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

    @Override
    public Integer call() throws IOException {
        GeneratorInputs in = GeneratorInputs.read(folders, KubernetesGenerator::outDir);
        MonitoringSettings settings = in.settings();
        Map<String, String> files = KubernetesGenerator.render(settings, in.models());
        List<Path> written = in.write(target -> KubernetesGenerator.write(files, target));
        out().println("kubernetes-as-code: wrote " + written.size() + " files to " + in.target());
        List<String> keys = AlertmanagerConfigs.secretKeys(AlertmanagerConfigs.of(settings).tree());
        out().println(keys.isEmpty()
                ? "kubernetes-as-code: no webhook configured, so the AlertmanagerConfig's receivers send nothing, as"
                        + " alertmanager.yml's do"
                : "kubernetes-as-code: the AlertmanagerConfig reads Secret " + WebhookSecrets.of(settings).secretName()
                        + ", keys " + String.join(", ", keys) + " (see stack/kubernetes/README.md)");
        return 0;
    }
}
