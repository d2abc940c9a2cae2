package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StackMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(new StackMain(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void helpListsTheOptionsAndTheDockerSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--no-mock", "--no-store-model", "--with-node-exporter", "--work-dir",
                "--targets-timeout", "compose-env", "summary");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCode2() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("stack: Unknown option: '--bogus' (see 'stack --help')\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadValueIsOneLineAndExitCode2() {
        assertThat(run("--targets-timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("stack: --targets-timeout must be at least 1 (see 'stack --help')\n");
        err.reset();
        assertThat(run("compose-env", "--uid", "1000")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("stack: Missing required option: '--gid=<gid>'"
                + " (see 'stack compose-env --help')\n");
    }
}
