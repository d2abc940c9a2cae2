package dev.monitoringlab.kubernetes;

import static dev.monitoringlab.settings.testing.TestFiles.copyTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what it writes, and that bad settings write nothing and say which key in one line. */
class MainTest {
    @TempDir
    Path root;

    private static CliRun run(String... args) {
        return CliRun.of(new Main(), args);
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
        CliRun run = run("--root", root.toString());
        assertThat(run.code()).isZero();
        assertThat(dir.resolve("kustomization.yaml")).exists();
        assertThat(dir.resolve("alertmanagerconfig-monitoring-lab.yaml")).content().contains("namespace: lab");
        assertThat(files(dir)).isEqualTo(KubernetesGenerator.render(MonitoringSettings.defaults()).size());
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> assertThat(p).content().startsWith(ManifestYaml.HEADER));
        }
        assertThat(run.out()).contains("receivers send nothing");

        // with a webhook in stack/secrets/, the object references it by the file's name, never by value
        Files.createDirectories(root.resolve("stack/secrets"));
        Files.writeString(root.resolve("stack/secrets/discord_webhook_url"), "https://discord.example/api/webhooks/9/s\n");
        run = run("--root", root.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Secret alertmanager-webhooks, keys discord_webhook_url");
        assertThat(dir.resolve("alertmanagerconfig-monitoring-lab.yaml")).content()
                .contains("key: discord_webhook_url").doesNotContain("discord.example");
    }

    @Test
    void aBadNamespaceOrLabelValueWritesNothingAndNamesTheKey() throws IOException {
        for (String bad : new String[] {"kubernetes.namespace=Monitoring_Lab", "kubernetes.release-label=kube prometheus",
                "kubernetes.webhook-secret=-hooks"}) {
            Path dir = project(bad + "\n");
            CliRun run = run("--root", root.toString());
            assertThat(run.code()).as(bad).isEqualTo(1);
            assertThat(run.err().lines()).as(bad).hasSize(1);
            assertThat(run.err()).startsWith("kubernetes-as-code: invalid setting " + bad.substring(0, bad.indexOf('=')) + "=");
            assertThat(files(dir)).as(bad).isZero();
        }
    }

    @Test
    void objectsNoLongerGeneratedAreRemovedAndOtherFilesKept() throws IOException {
        Path dir = project("");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("prometheusrule-monitoring-lab-old.yaml"), ManifestYaml.HEADER + "kind: PrometheusRule\n");
        Files.writeString(dir.resolve("my-overlay.yaml"), "kind: ConfigMap\n");
        assertThat(run("--root", root.toString()).code()).isZero();
        assertThat(dir.resolve("prometheusrule-monitoring-lab-old.yaml")).doesNotExist();
        assertThat(dir.resolve("my-overlay.yaml")).exists();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--bogus").failsWithOneLine(2, "kubernetes-as-code: ").err()).contains("'--bogus'", "--help");
        assertThat(run("--out").code()).isEqualTo(2);
    }

    @Test
    void helpNamesEveryFlagAndExits0() {
        run("--help").showsHelpWith("--root", "--out", "--help");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLineAndExits1() throws IOException {
        project("");
        Path file = Files.writeString(root.resolve("not-a-folder"), "");
        run("--root", root.toString(), "--out", file.toString())
                .failsWithOneLine(1, "kubernetes-as-code: cannot write " + file);
    }

    @Test
    void outWritesElsewhere() throws IOException {
        project("");
        Path elsewhere = root.resolve("elsewhere");
        assertThat(run("--root", root.toString(), "--out", elsewhere.toString()).code()).isZero();
        assertThat(elsewhere.resolve("kustomization.yaml")).exists();
    }

    /** The project's committed model repository, which the rules and dashboards are generated from. */
    static void copyCommittedModels(Path root) throws IOException {
        copyTree(ModelRepository.inCheckout(ProjectLayout.locate().root()), ModelRepository.inCheckout(root));
    }
}
