package dev.monitoringlab.dashboards;

/**
 * The generator as {@code mvn package} runs it (exec:java, inside Maven's JVM so {@code -Dlab.*} overrides
 * reach the settings). There {@link System#exit} would end Maven on the spot, without its failure summary,
 * so a refusal is thrown instead: Maven then fails the build with this message after the generator's own line.
 */
public final class BuildMain {
    private BuildMain() {
    }

    public static void main(String[] args) {
        int code = Main.run(args, System.out, System.err);
        if (code != 0) {
            throw new GenerationRefused(code);
        }
    }

    /** Carries only the exit code: the reason is already on stderr, and a stack trace would bury it. */
    static final class GenerationRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GenerationRefused(int code) {
            super("dashboards-as-code wrote nothing (exit code " + code + "): see the line before", null, false, false);
        }
    }
}
