package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.junit.jupiter.api.Test;

/** The one way mvn package runs a generator: the named command, its arguments, a refusal as an exception. */
class BuildStepTest {
    static int runs;

    @Command(name = "probe")
    public static final class Probe extends Cli.Base {
        @Option(names = "--fail")
        private boolean fail;

        @Override
        public Integer call() {
            runs++;
            if (fail) {
                throw new IllegalStateException("refused on purpose");
            }
            return 0;
        }
    }

    @Test
    void runsTheNamedCommandWithTheRestOfTheArguments() {
        int before = runs;
        BuildStep.main(new String[] {Probe.class.getName()});
        assertThat(runs).isEqualTo(before + 1);
    }

    @Test
    void aFailureOrABadFlagFailsTheBuildWithTheExitCodeAndNoStackTrace() {
        assertThatThrownBy(() -> BuildStep.main(new String[] {Probe.class.getName(), "--fail"}))
                .isInstanceOfSatisfying(Cli.BuildStepFailed.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(Cli.FAILED);
                    assertThat(e.getStackTrace()).isEmpty();
                });
        assertThatThrownBy(() -> BuildStep.main(new String[] {Probe.class.getName(), "--no-such-flag"}))
                .isInstanceOfSatisfying(Cli.BuildStepFailed.class, e -> assertThat(e.exitCode()).isEqualTo(Cli.USAGE));
    }

    @Test
    void anUnknownCommandClassIsNamed() {
        assertThatThrownBy(() -> BuildStep.main(new String[] {"dev.monitoringlab.NoSuchMain"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dev.monitoringlab.NoSuchMain");
        assertThatThrownBy(() -> BuildStep.main(new String[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
