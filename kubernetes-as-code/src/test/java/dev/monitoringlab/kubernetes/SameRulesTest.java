package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.ConfigChecks;
import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.ExternalTool;
import dev.monitoringlab.rules.GeneratedFile;
import dev.monitoringlab.settings.MonitoringSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules taken back out of the PrometheusRule objects are the file rules: the same groups, field for field, and
 * they pass the very promtool unit tests of rules-as-code (rules-as-code/src/test/promtool/*-test.yml).
 */
class SameRulesTest {
    private static final MonitoringSettings DEFAULTS = MonitoringSettings.defaults();

    @TempDir
    Path dir;

    /** Rules file name (from the object's annotation) to the {@code groups:} document taken out of the objects. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> extracted(MonitoringSettings s) {
        Map<String, Object> files = new TreeMap<>();
        for (Map<String, Object> rule : new Manifests(s).ofKind("PrometheusRule")) {
            Map<String, Object> annotations = Manifests.at(rule, "metadata", "annotations");
            String file = (String) annotations.get(PrometheusRules.RULES_FILE_ANNOTATION);
            assertThat(files).as("one PrometheusRule per rules file").doesNotContainKey(file);
            files.put(file, Map.of("groups", Manifests.at(rule, "spec", "groups")));
        }
        return files;
    }

    /** The rules files of the file config, parsed. */
    static Map<String, Object> fileRules(MonitoringSettings s) {
        Map<String, Object> files = new TreeMap<>();
        for (GeneratedFile f : ConfigGenerator.render(s)) {
            if (f.relativePath().startsWith(Path.of("prometheus", "rules"))) {
                files.put(f.relativePath().getFileName().toString(), ManifestYaml.read(f.content()));
            }
        }
        return files;
    }

    @Test
    void thePrometheusRulesHoldExactlyTheFileRules() {
        assertThat(extracted(DEFAULTS)).isNotEmpty().isEqualTo(fileRules(DEFAULTS));
        // and under other settings too: thresholds, durations and selectors travel the same way
        MonitoringSettings other = DEFAULTS.with(dev.monitoringlab.settings.Setting.HOST_CPU_FOR, "90s")
                .with(dev.monitoringlab.settings.Setting.MODEL_MOCK_THRESHOLD, "0.6")
                .with(dev.monitoringlab.settings.Setting.NODE_SELECTOR, "job=\"vm\"");
        assertThat(extracted(other)).isEqualTo(fileRules(other)).isNotEqualTo(fileRules(DEFAULTS));
    }

    @TestFactory
    Stream<DynamicTest> theExtractedRulesPassTheFileRulesPromtoolTests() throws IOException {
        List<Path> ruleFiles = new ArrayList<>();
        for (Map.Entry<String, Object> e : extracted(DEFAULTS).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.writeString(p, ManifestYaml.write(e.getValue()));
            ruleFiles.add(p);
        }
        List<String> check = new ArrayList<>(List.of("check", "rules"));
        ruleFiles.forEach(p -> check.add(p.toString()));
        String checked = ConfigChecks.run(ExternalTool.PROMTOOL, check.toArray(String[]::new));
        assertThat(checked).contains("SUCCESS");

        Path tests = Path.of(System.getProperty("lab.root", "..")).resolve("rules-as-code/src/test/promtool");
        List<Path> testFiles;
        try (Stream<Path> files = Files.list(tests)) {
            testFiles = files.filter(p -> p.toString().endsWith("-test.yml")).sorted().toList();
        }
        assertThat(testFiles).as("promtool tests in " + tests).isNotEmpty();
        return testFiles.stream().map(test -> DynamicTest.dynamicTest(test.getFileName().toString(), () -> {
            Path copy = Files.copy(test, dir.resolve(test.getFileName()));
            assertThat(ConfigChecks.run(ExternalTool.PROMTOOL, "test", "rules", copy.toString())).contains("SUCCESS");
        }));
    }
}
