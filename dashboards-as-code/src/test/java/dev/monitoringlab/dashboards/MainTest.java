package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path root;

    private static CliRun run(String... args) {
        return CliRun.of(new Main(), args);
    }

    @Test
    void writesIntoTheRootsGeneratedFolder() throws Exception {
        Files.createDirectories(root.resolve("stack"));
        ModelFolders.copyCommitted(root);
        CliRun run = run("--root", root.toString());
        assertThat(run.code()).isZero();
        assertThat(root.resolve("stack/generated/grafana/dashboards/model-mock.json")).exists();
        assertThat(root.resolve("stack/generated/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(run.out()).contains("wrote 6 files");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBadSettingIsOneLineAndNonZeroAndWritesNothing() throws Exception {
        Files.createDirectories(root.resolve("stack"));
        Files.writeString(root.resolve("stack/settings.properties"), "model-mock.threshold=1.5\n");
        CliRun run = run("--root", root.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("dashboards-as-code: invalid setting model-mock.threshold=1.5")
                .hasLineCount(1).doesNotContain("Exception");
        assertThat(root.resolve("stack/generated")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLineAndExits1() throws Exception {
        ModelFolders.copyCommitted(root);
        Path file = Files.writeString(root.resolve("not-a-folder"), "");
        run("--root", root.toString(), "--out", file.toString())
                .failsWithOneLine(1, "dashboards-as-code: cannot write " + file);
    }

    @Test
    void unknownArgumentsAreAUsageError() {
        assertThat(run("--rooot", "x").failsWithOneLine(2, "dashboards-as-code: ").err())
                .contains("'--rooot'", "--help");
    }

    @Test
    void aMissingValueIsAUsageError() {
        assertThat(run("--out").failsWithOneLine(2, "dashboards-as-code: ").err()).contains("--out");
    }

    @Test
    void helpNamesEveryFlagAndExits0() {
        run("--help").showsHelpWith("--root", "--out", "--help");
    }
}
