package dev.monitoringlab.settings.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of a command line through {@link Cli#run}, as a test sees it: the exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code --help}: exit 0, the usage on stdout naming {@code flags}, nothing on stderr. */
    public CliRun showsHelpWith(String... flags) {
        assertThat(code).as(err).isZero();
        assertThat(out).contains(flags);
        assertThat(err).isEmpty();
        return this;
    }

    /** Exit {@code expected} with one line on stderr starting {@code start}, no stack trace. */
    public CliRun failsWithOneLine(int expected, String start) {
        assertThat(code).as(err).isEqualTo(expected);
        assertThat(err).startsWith(start).hasLineCount(1).doesNotContain("\tat ");
        return this;
    }
}
