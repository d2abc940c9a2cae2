package dev.monitoringlab.settings;

import java.util.Arrays;

/**
 * How {@code mvn package} runs a generator: exec:java with this class as {@code mainClass} and the generator's
 * command class as the first argument, inside Maven's JVM so that {@code -Dlab.*} overrides reach the settings.
 * There a refusal must fail the build by an exception ({@link Cli#runInBuild}), since System.exit would end Maven
 * on the spot; the generators' own {@code main}s behave like every other command line of the project (one line,
 * exit code 1 or 2, no stack trace).
 */
public final class BuildStep {
    private BuildStep() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("BuildStep: the first argument names the command class to run");
        }
        Object command;
        try {
            command = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("BuildStep: cannot create " + args[0] + ": " + e, e);
        }
        Cli.runInBuild(command, Arrays.copyOfRange(args, 1, args.length));
    }
}
