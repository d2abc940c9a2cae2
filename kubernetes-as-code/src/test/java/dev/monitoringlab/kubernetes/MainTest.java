package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what it writes, and that bad settings write nothing and say which key in one line. */
class MainTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path project(String settings) throws IOException {
        Files.createDirectories(root.resolve("stack"));
        copyCommittedModels(root);
        Files.writeString(root.resolve("stack/settings.properties"), settings);
        return root.resolve("stack/generated/kubernetes");
    }

    private static long files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void writesEveryObjectAndTheKustomizationUnderStackGenerated() throws IOException {
        Path dir = project("kubernetes.namespace=lab\n");
        assertThat(run("--root", root.toString())).isZero();
        assertThat(dir.resolve("kustomization.yaml")).exists();
        assertThat(dir.resolve("alertmanagerconfig-monitoring-lab.yaml")).content().contains("namespace: lab");
        assertThat(files(dir)).isEqualTo(KubernetesGenerator.render(dev.monitoringlab.settings.MonitoringSettings
                .defaults()).size());
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> assertThat(p).content().startsWith(ManifestYaml.HEADER));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("receivers send nothing");

        // with a webhook in stack/secrets/, the object references it by the file's name, never by value
        Files.createDirectories(root.resolve("stack/secrets"));
        Files.writeString(root.resolve("stack/secrets/discord_webhook_url"), "https://discord.example/api/webhooks/9/s\n");
        out.reset();
        assertThat(run("--root", root.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Secret alertmanager-webhooks, keys discord_webhook_url");
        assertThat(dir.resolve("alertmanagerconfig-monitoring-lab.yaml")).content()
                .contains("key: discord_webhook_url").doesNotContain("discord.example");
    }

    @Test
    void aBadNamespaceOrLabelValueWritesNothingAndNamesTheKey() throws IOException {
        for (String bad : new String[] {"kubernetes.namespace=Monitoring_Lab", "kubernetes.release-label=kube prometheus",
                "kubernetes.webhook-secret=-hooks"}) {
            Path dir = project(bad + "\n");
            err.reset();
            assertThat(run("--root", root.toString())).as(bad).isEqualTo(1);
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(message.lines()).as(bad).hasSize(1);
            assertThat(message).startsWith("kubernetes-as-code: invalid setting " + bad.substring(0, bad.indexOf('=')) + "=");
            assertThat(files(dir)).as(bad).isZero();
        }
    }

    @Test
    void objectsNoLongerGeneratedAreRemovedAndOtherFilesKept() throws IOException {
        Path dir = project("");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("prometheusrule-monitoring-lab-old.yaml"), ManifestYaml.HEADER + "kind: PrometheusRule\n");
        Files.writeString(dir.resolve("my-overlay.yaml"), "kind: ConfigMap\n");
        assertThat(run("--root", root.toString())).isZero();
        assertThat(dir.resolve("prometheusrule-monitoring-lab-old.yaml")).doesNotExist();
        assertThat(dir.resolve("my-overlay.yaml")).exists();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("kubernetes-as-code: ").contains("'--bogus'", "--help")
                .hasLineCount(1);
        assertThat(run("--out")).isEqualTo(2);
    }

    @Test
    void outWritesElsewhere() throws IOException {
        project("");
        Path elsewhere = root.resolve("elsewhere");
        assertThat(run("--root", root.toString(), "--out", elsewhere.toString())).isZero();
        assertThat(elsewhere.resolve("kustomization.yaml")).exists();
    }

    /** The project's committed model repository, which the rules and dashboards are generated from. */
    static void copyCommittedModels(Path root) throws IOException {
        Path from = dev.monitoringlab.models.ModelRepository.inCheckout(
                dev.monitoringlab.settings.ProjectLayout.locate().root());
        Path to = dev.monitoringlab.models.ModelRepository.inCheckout(root);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
