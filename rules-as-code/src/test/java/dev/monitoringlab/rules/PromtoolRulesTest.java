package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every promtool unit-test file in src/test/promtool against the rules generated with the default settings,
 * so the tests pin the production thresholds and durations, whatever a local settings file says.
 */
class PromtoolRulesTest {
    private static final Path TESTS = Path.of("src", "test", "promtool");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> promtoolTestRules() throws IOException {
        for (GeneratedFile f : ConfigGenerator.render(MonitoringSettings.defaults())) {
            if (f.relativePath().startsWith(Path.of("prometheus", "rules"))) {
                new GeneratedFile(f.relativePath().getFileName(), f.content(), false).writeUnder(dir);
            }
        }
        List<Path> testFiles;
        try (Stream<Path> files = Files.list(TESTS)) {
            testFiles = files.filter(p -> p.toString().endsWith("-test.yml")).sorted().toList();
        }
        assertThat(testFiles).as("promtool test files in " + TESTS.toAbsolutePath()).isNotEmpty();
        return testFiles.stream().map(test -> DynamicTest.dynamicTest(test.getFileName().toString(), () -> {
            Path copy = Files.copy(test, dir.resolve(test.getFileName()));
            String out = ConfigChecks.run(ExternalTool.PROMTOOL, "test", "rules", copy.toString());
            assertThat(out).contains("SUCCESS");
        }));
    }
}
