package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StackMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = StackMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
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
        assertThat(err.toString()).isEqualTo("stack: Unknown option: '--bogus' (see --help)\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadValueIsOneLineAndExitCode2() {
        assertThat(run("--targets-timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("stack: --targets-timeout must be at least 1 (see --help)\n");
        err.getBuffer().setLength(0);
        assertThat(run("compose-env", "--uid", "1000")).isEqualTo(2);
        assertThat(err.toString()).startsWith("stack: Missing required option: '--gid=<gid>'").doesNotContain("\tat ");
    }
}
