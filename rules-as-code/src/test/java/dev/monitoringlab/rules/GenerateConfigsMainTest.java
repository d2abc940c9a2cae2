package dev.monitoringlab.rules;

import static dev.monitoringlab.settings.testing.TestFiles.copyTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own behaviour: usage errors exit 2, --help exits 0, a failing step is one line and exit 1. */
class GenerateConfigsMainTest {
    @TempDir
    Path root;

    private static CliRun run(String... args) {
        return CliRun.of(new GenerateConfigsMain(), args);
    }

    @Test
    void anUnknownFlagIsOneLineAndExits2() {
        assertThat(run("--rooot", "x").failsWithOneLine(Cli.USAGE, "rules-as-code: ").err())
                .contains("'--rooot'", "--help");
    }

    @Test
    void helpNamesEveryFlagAndExits0() {
        run("--help").showsHelpWith("--root", "--out", "--skip-checks", "--help");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLineAndExits1() throws IOException {
        copyTree(ModelRepository.inCheckout(ProjectLayout.locate().root()), ModelRepository.inCheckout(root));
        Path file = Files.writeString(root.resolve("not-a-folder"), "");
        run("--root", root.toString(), "--out", file.toString(), "--skip-checks=true")
                .failsWithOneLine(Cli.FAILED, "rules-as-code: cannot write " + file);
    }
}
