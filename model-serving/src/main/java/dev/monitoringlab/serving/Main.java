package dev.monitoringlab.serving;

import dev.monitoringlab.serving.cli.Commands;
import dev.monitoringlab.settings.Cli;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** Entry point: picks the subcommand; the work is in {@link Commands}. */
@Command(name = "model-serving", description = "The store model: data, training, exploration, the API, traffic.",
        subcommands = {Commands.Generate.class, Commands.Train.class, Commands.Explore.class, Commands.Serve.class,
                Commands.Traffic.class})
public final class Main extends Cli.Base {
    /** Exits only on failure, so the build can run "generate" and "train" inside Maven's JVM. */
    public static void main(String[] args) {
        Cli.runAndExit(new Main(), args);
    }

    public static int execute(PrintStream out, PrintStream err, String... args) {
        return Cli.run(new Main(), out, err, args);
    }

    /** No subcommand given. */
    @Override
    public Integer call() {
        throw usage("no command given");
    }
}
