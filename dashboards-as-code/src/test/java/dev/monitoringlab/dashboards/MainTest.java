package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesIntoTheRootsGeneratedFolder() throws Exception {
        Files.createDirectories(root.resolve("stack"));
        ModelFolders.copyCommitted(root);
        assertThat(run("--root", root.toString())).isZero();
        assertThat(root.resolve("stack/generated/grafana/dashboards/model-mock.json")).exists();
        assertThat(root.resolve("stack/generated/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 6 files");
        assertThat(errText()).isEmpty();
    }

    @Test
    void aBadSettingIsOneLineAndNonZeroAndWritesNothing() throws Exception {
        Files.createDirectories(root.resolve("stack"));
        Files.writeString(root.resolve("stack/settings.properties"), "model-mock.threshold=1.5\n");
        assertThat(run("--root", root.toString())).isEqualTo(1);
        assertThat(errText()).startsWith("dashboards-as-code: invalid setting model-mock.threshold=1.5")
                .hasLineCount(1).doesNotContain("Exception");
        assertThat(root.resolve("stack/generated")).doesNotExist();
    }

    @Test
    void unknownArgumentsAreAUsageError() {
        assertThat(run("--rooot", "x")).isEqualTo(2);
        assertThat(errText()).startsWith("dashboards-as-code: ").contains("'--rooot'", "--help").hasLineCount(1);
    }

    @Test
    void aMissingValueIsAUsageError() {
        assertThat(run("--out")).isEqualTo(2);
        assertThat(errText()).startsWith("dashboards-as-code: ").contains("--out").hasLineCount(1);
    }

    @Test
    void helpNamesEveryFlagAndExits0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--root", "--out", "--help");
        assertThat(errText()).isEmpty();
    }
}
