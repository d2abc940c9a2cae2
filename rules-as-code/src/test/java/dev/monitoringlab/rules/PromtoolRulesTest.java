package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.settings.MonitoringSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every promtool unit-test file in src/test/promtool against the rules generated with the default settings,
 * so the tests pin the production thresholds and durations, whatever a local settings file says, on each
 * distribution of promtool (Debian 12's 2.42 and the pinned current 3.x; {@code LAB_DISTRIBUTIONS} picks one).
 * The files directly in src/test/promtool hold what every version does; {@code prometheus-<major>/} holds the
 * few expectations where a version's semantics differ, each file explaining why.
 */
class PromtoolRulesTest {
    private static final Path TESTS = Path.of("src", "test", "promtool");
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> promtoolTestRules() throws IOException {
        List<Path> shared = testFiles(TESTS);
        assertThat(shared).as("promtool test files in " + TESTS.toAbsolutePath()).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Distribution distribution : Distribution.selected()) {
            ExternalTool.Found promtool;
            try {
                promtool = ExternalTool.PROMTOOL.locate(distribution);
            } catch (ExternalTool.MissingException e) {
                tests.add(DynamicTest.dynamicTest("promtool (" + distribution.id() + ")", () -> {
                    throw e;
                }));
                continue;
            }
            Path run = Files.createDirectories(dir.resolve(distribution.id()));
            for (GeneratedFile f : ConfigGenerator.render(MonitoringSettings.defaults())) {
                if (f.relativePath().startsWith(Path.of("prometheus", "rules"))) {
                    new GeneratedFile(f.relativePath().getFileName(), f.content(), false).writeUnder(run);
                }
            }
            List<Path> files = new ArrayList<>(shared);
            files.addAll(testFiles(versionDir(promtool.version())));
            for (Path test : files) {
                tests.add(DynamicTest.dynamicTest(promtool.describe() + ": " + TESTS.relativize(test), () -> {
                    Path copy = Files.copy(test, run.resolve(test.getFileName()));
                    String out = ConfigChecks.run(promtool.path(), "test", "rules", copy.toString());
                    assertThat(out).contains("SUCCESS");
                }));
            }
        }
        return tests.stream();
    }

    /** A difference between versions is stated for every version: the same file names in each version folder. */
    @Test
    void eachVersionFolderStatesTheSameDifferences() throws IOException {
        List<String> two = names(testFiles(TESTS.resolve("prometheus-2")));
        assertThat(two).as("files in prometheus-2/").isNotEmpty();
        assertThat(names(testFiles(TESTS.resolve("prometheus-3")))).as("files in prometheus-3/")
                .containsExactlyElementsOf(two);
    }

    /**
     * Each group has its test file, and in it (or, on each version, in that version's files of the group) each
     * alert fires at least once with every label and annotation the rule sets (runbook_url included) asserted; no
     * expected alert anywhere leaves its labels or annotations out.
     */
    @Test
    void everyAlertIsTestedFiringWithItsLabelsAndAnnotations() throws IOException {
        for (RuleGroup group : ConfigGenerator.ruleGroups(MonitoringSettings.defaults())) {
            Path file = TESTS.resolve(group.name() + "-test.yml");
            assertThat(file).as("promtool tests of group " + group.name()).isRegularFile();
            for (String major : List.of("2", "3")) {
                List<Map<String, Object>> expected = new ArrayList<>(expectedAlerts(file));
                for (Path versioned : testFiles(TESTS.resolve("prometheus-" + major))) {
                    if (ruleFiles(versioned).contains(group.name() + ".rules.yml")) {
                        expected.addAll(expectedAlerts(versioned));
                    }
                }
                assertThat(expected).as(file + ": every expected alert has exp_labels and exp_annotations")
                        .allSatisfy(e -> assertThat(e).containsKeys("alertname", "exp_labels", "exp_annotations"));
                for (AlertRule rule : group.rules()) {
                    assertThat(expected).as(file + " (Prometheus " + major + "): a firing " + rule.alert()
                            + " with all its labels and annotations").anySatisfy(e -> {
                                assertThat(e.get("alertname")).isEqualTo(rule.alert());
                                assertThat(map(e.get("exp_labels"))).containsAllEntriesOf(rule.labels());
                                assertThat(map(e.get("exp_annotations"))).containsOnlyKeys(rule.annotations().keySet());
                            });
                }
            }
        }
    }

    /** The folder of the expectations only that major version meets, e.g. prometheus-3 for 3.5.3. */
    static Path versionDir(String version) {
        Matcher m = MAJOR.matcher(version);
        assertThat(m.find()).as("a version such as 3.5.3: " + version).isTrue();
        return TESTS.resolve("prometheus-" + m.group(1));
    }

    private static List<Path> testFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith("-test.yml")).sorted().toList();
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ruleFiles(Path file) throws IOException {
        return (List<Object>) ((Map<String, Object>) Yaml.read(Files.readString(file))).get("rule_files");
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
