package dev.monitoringlab.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.serving.Main;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.settings.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serveWithAMissingOrCorruptModelPrintsOneLineAndFails(@TempDir Path dir) throws Exception {
        assertThat(run("serve", "--model", dir.resolve("none").toString(), "--port", "0")).isEqualTo(1);
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.copy(TestModels.modelDir().resolve("descriptor.json"), corrupt.resolve("descriptor.json"));
        Files.writeString(corrupt.resolve("model.tribuo"), "not a model");
        assertThat(run("serve", "--model", corrupt.toString(), "--port", "0")).isEqualTo(1);
        assertThat(errText().lines()).hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("model-serving: ").contains("model"));
        assertThat(errText()).contains("does not exist", "not a readable Tribuo model").doesNotContain("\tat ");
    }

    @Test
    void badFlagsAreUsageErrorsOfOneLine() {
        String[][] bad = {
            {"serve", "--port", "70000"},
            {"serve", "--bogus"},
            {"serve", "--threads", "999", "--port", "0"},
            {"traffic", "--scenario", "weird"},
            {"traffic", "--scenario", "normal", "--url", "ftp://x"},
            {"traffic", "--scenario", "normal", "--duration", "soon"},
            {"traffic", "--scenario", "normal", "--url", "http://localhost:1", "--rate", "0"},
            {"train", "--data", "/no/such.csv", "--out", "x"},
            {"generate", "--out", "x.csv", "--rows", "5"},
            {"nonsense"},
            {},
        };
        String[] expected = {"--port", "--bogus", "--threads", "normal, faulty or concept-drift", "--url", "--duration", "--rate",
            "does not exist", "--rows", "nonsense", "no command given"};
        for (int i = 0; i < bad.length; i++) {
            err.reset();
            assertThat(run(bad[i])).as(String.join(" ", bad[i])).isEqualTo(Cli.USAGE);
            assertThat(errText()).as(String.join(" ", bad[i])).startsWith("model-serving: ").contains(expected[i])
                    .doesNotContain("\tat ").hasLineCount(1);
        }
    }

    @Test
    void helpListsTheCommandsAndEachCommandsFlags() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("generate", "train", "explore", "serve", "traffic");
        out.reset();
        assertThat(run("traffic", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--scenario", "--rate", "default 20", "--duration");
        assertThat(errText()).isEmpty();
    }

    @Test
    void generateTrainAndExploreChainLikeTheBuild(@TempDir Path dir) {
        System.setProperty("java.awt.headless", "true");
        String csv = dir.resolve("data.csv").toString();
        assertThat(run("generate", "--out", csv, "--rows", "300", "--seed", "5")).isZero();
        assertThat(run("train", "--data", csv, "--out", dir.resolve("model").toString())).isZero();
        assertThat(run("explore", "--data", csv, "--out", dir.resolve("png").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 300 rows", "held-out accuracy", "25%");
        assertThat(dir.resolve("model/descriptor.json")).exists();
        assertThat(dir.resolve("png/customers_count.png")).exists();
        assertThat(errText()).isEmpty();
    }
}
