package dev.monitoringlab.settings;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * How every command line of the project behaves, with picocli underneath: {@code --help} prints the usage on
 * stdout and exits 0; a command line that cannot be used prints one line {@code <tool>: <message>} on stderr and
 * exits 2; a failure while running prints {@code <tool>: <message>} and exits 1. Never a stack trace: a user who
 * mistyped a flag needs the one line, not our call stack.
 */
public final class Cli {
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Parses {@code args} into {@code command} (a picocli {@code @Command}), runs it and returns the exit code. */
    public static int run(Object command, PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        String tool = cl.getCommandName();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, ignored) -> {
            err.println(tool + ": " + firstLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, ignored, parsed) -> {
            err.println(tool + ": " + firstLine(ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            return FAILED;
        });
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** For a {@code main}: exits only on failure, so a command that leaves threads running (a server) keeps them. */
    public static void runAndExit(Object command, String... args) {
        int code = run(command, System.out, System.err, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * For a generator that {@code mvn package} runs with exec:java inside Maven's JVM (so {@code -Dlab.*} overrides
     * reach the settings): System.exit there would end Maven on the spot, without its failure summary, so a failure
     * is thrown instead, stackless, after the generator's own line on stderr.
     */
    public static void runInBuild(Object command, String... args) {
        int code = run(command, System.out, System.err, args);
        if (code != 0) {
            throw new BuildStepFailed(new CommandLine(command).getCommandName(), code);
        }
    }

    /** Carries only the exit code: the reason is already on stderr, and a stack trace would bury it. */
    public static final class BuildStepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        BuildStepFailed(String tool, int exitCode) {
            super(tool + " wrote nothing (exit code " + exitCode + "): see the line before", null, false, false);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** What a command needs from picocli: {@code --help}, where its output goes, usage errors found after parsing. */
    public abstract static class Base implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private Help help;

        protected CommandSpec spec() {
            return spec;
        }

        protected PrintWriter out() {
            return spec.commandLine().getOut();
        }

        protected PrintWriter err() {
            return spec.commandLine().getErr();
        }

        /** Exit code 2 with {@code message}: for what only shows after parsing (a missing file, a bad setting). */
        protected ParameterException usage(String message) {
            return Cli.usage(spec, message);
        }

        /** {@code value} when it lies in [min, max], else a usage error naming the flag. */
        protected double inRange(String flag, double value, double min, double max) {
            if (!(value >= min && value <= max)) {
                throw usage(flag + " must be between " + plain(min) + " and " + plain(max) + ", got " + plain(value));
            }
            return value;
        }
    }

    /** {@code -h}/{@code --help} (picocli's mixinStandardHelpOptions would add a {@code --version} with nothing to say). */
    static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean help;
    }

    /** A generator's {@code --root} and {@code --out}: the project root (found from here when absent), the output folder. */
    public static final class Folders {
        @Option(names = "--root", paramLabel = "DIR", description = "the project root (default: found from the working folder)")
        private Path root;
        @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: under stack/generated/)")
        private Path out;

        public ProjectLayout layout() {
            return root == null ? ProjectLayout.locate() : new ProjectLayout(root);
        }

        public Path out(Path byDefault) {
            return out == null ? byDefault : out;
        }
    }

    /** A command line that parsed but cannot be used (a missing file, flags that contradict): exit code 2. */
    public static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }

    /** A duration as Prometheus writes it ({@code 30s}, {@code 2m}, {@code 1h30m}), longer than zero. */
    public static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = PromDuration.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a duration like 30s, 500ms or 2m");
            }
            if (d.isZero()) {
                throw new TypeConversionException("'" + value + "' must be longer than 0s");
            }
            return d;
        }
    }

    /** A TCP port, 0 (any free port) to 65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int p = Integer.parseInt(value.trim());
                if (p >= 0 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException ignored) {
                // the message below says what is wanted
            }
            throw new TypeConversionException("'" + value + "' is not a port number 0-65535");
        }
    }
}
