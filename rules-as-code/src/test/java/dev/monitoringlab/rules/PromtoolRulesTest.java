package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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

    /**
     * Each group has its test file, and in it each alert fires at least once with every label and annotation the
     * rule sets (runbook_url included) asserted; no expected alert anywhere leaves its labels or annotations out.
     */
    @Test
    void everyAlertIsTestedFiringWithItsLabelsAndAnnotations() throws IOException {
        for (RuleGroup group : ConfigGenerator.ruleGroups(MonitoringSettings.defaults())) {
            Path file = TESTS.resolve(group.name() + "-test.yml");
            assertThat(file).as("promtool tests of group " + group.name()).isRegularFile();
            List<Map<String, Object>> expected = expectedAlerts(file);
            assertThat(expected).as(file + ": every expected alert has exp_labels and exp_annotations")
                    .allSatisfy(e -> assertThat(e).containsKeys("alertname", "exp_labels", "exp_annotations"));
            for (AlertRule rule : group.rules()) {
                assertThat(expected).as(file + ": a firing " + rule.alert() + " with all its labels and annotations")
                        .anySatisfy(e -> {
                            assertThat(e.get("alertname")).isEqualTo(rule.alert());
                            assertThat(map(e.get("exp_labels"))).containsAllEntriesOf(rule.labels());
                            assertThat(map(e.get("exp_annotations"))).containsOnlyKeys(rule.annotations().keySet());
                        });
            }
        }
    }

    /** Every entry of every exp_alerts list in the file, with the alertname of its alert_rule_test added. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> expectedAlerts(Path file) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) Yaml.read(Files.readString(file));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object t : (List<Object>) doc.get("tests")) {
            for (Object a : (List<Object>) ((Map<String, Object>) t).getOrDefault("alert_rule_test", List.of())) {
                Map<String, Object> check = (Map<String, Object>) a;
                for (Object e : (List<Object>) check.getOrDefault("exp_alerts", List.of())) {
                    Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) e);
                    entry.put("alertname", check.get("alertname"));
                    out.add(entry);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
