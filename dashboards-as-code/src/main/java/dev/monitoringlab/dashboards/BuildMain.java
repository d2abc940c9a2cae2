package dev.monitoringlab.dashboards;

import dev.monitoringlab.settings.Cli;

/**
 * The generator as {@code mvn package} runs it (exec:java, inside Maven's JVM so {@code -Dlab.*} overrides reach the
 * settings): a refusal fails the build by an exception rather than System.exit, which would end Maven on the spot.
 */
public final class BuildMain {
    private BuildMain() {
    }

    public static void main(String[] args) {
        Cli.runInBuild(new Main(), args);
    }
}
