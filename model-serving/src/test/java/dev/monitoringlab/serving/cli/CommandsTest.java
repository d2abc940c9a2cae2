package dev.monitoringlab.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.serving.TestModels;
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
    private final Commands commands = new Commands(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void serveWithAMissingOrCorruptModelPrintsOneLineAndFails(@TempDir Path dir) throws Exception {
        assertThat(commands.serve(new String[] {"serve", "--model", dir.resolve("none").toString(), "--port", "0"}))
                .isEqualTo(1);
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.copy(TestModels.modelDir().resolve("descriptor.json"), corrupt.resolve("descriptor.json"));
        Files.writeString(corrupt.resolve("model.tribuo"), "not a model");
        assertThat(commands.serve(new String[] {"serve", "--model", corrupt.toString(), "--port", "0"})).isEqualTo(1);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors.lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("error: ").contains("model"));
        assertThat(errors).contains("does not exist", "not a readable Tribuo model").doesNotContain("\tat ");
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThatThrownBy(() -> commands.serve(new String[] {"serve", "--port", "70000"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> commands.serve(new String[] {"serve", "--bogus"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> commands.traffic(new String[] {"traffic", "--scenario", "weird"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("normal, faulty or concept-drift");
        assertThatThrownBy(() -> commands.traffic(new String[] {"traffic", "--scenario", "normal", "--url", "ftp://x"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--url");
        assertThatThrownBy(() -> commands.traffic(new String[] {"traffic", "--scenario", "normal", "--duration", "soon"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--duration");
        assertThatThrownBy(() -> commands.train(new String[] {"train", "--data", "/no/such.csv", "--out", "x"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("does not exist");
    }

    @Test
    void generateTrainAndExploreChainLikeTheBuild(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        String csv = dir.resolve("data.csv").toString();
        assertThat(commands.generate(new String[] {"generate", "--out", csv, "--rows", "300", "--seed", "5"})).isZero();
        assertThat(commands.train(new String[] {"train", "--data", csv, "--out", dir.resolve("model").toString()}))
                .isZero();
        assertThat(commands.explore(new String[] {"explore", "--data", csv, "--out", dir.resolve("png").toString()}))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 300 rows", "held-out accuracy", "25%");
        assertThat(dir.resolve("model/descriptor.json")).exists();
        assertThat(dir.resolve("png/customers_count.png")).exists();
    }
}
