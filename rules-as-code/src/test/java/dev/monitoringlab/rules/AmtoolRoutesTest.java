package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.alertmanager.Route;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amtool config routes test} on the generated alertmanager.yml: every alert the rules can raise, with the
 * labels Prometheus gives it, reaches the receiver written here by hand, and together the cases reach every route,
 * with amtool 0.25 (Debian 12) and the current release. A missing amtool fails the test with the Debian package to
 * install, or the script that fetches the current one.
 */
class AmtoolRoutesTest {
    /** Where each alert must go: the lab's channels for the lab's alerts, the rest away from them. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("ModelMockHighAccuracy", Routing.DISCORD),
            Map.entry("HostHighCpuLoad", Routing.DISCORD_WITH_RESOLVED),
            Map.entry("StoreSuccessRateLow", Routing.SLACK),
            Map.entry("StoreModelInputDrift", Routing.SLACK),
            Map.entry("StoreModelOutputDrift", Routing.SLACK),
            Map.entry("StoreModelAccuracyLow", Routing.SLACK),
            Map.entry("StoreModelAvailabilityBudgetBurn", Routing.SLACK),
            Map.entry("StoreModelLatencyBudgetBurn", Routing.SLACK),
            Map.entry("TargetDown", Routing.MONITORING),
            Map.entry("ModelMockResultMissing", Routing.MONITORING),
            Map.entry("ModelMockResultFrozen", Routing.MONITORING),
            Map.entry("StoreModelNoPredictions", Routing.MONITORING),
            Map.entry("Watchdog", Routing.HEARTBEAT));

    /** Labels a scrape adds to the series an alert comes from, where its expression keeps them. */
    private static final Map<String, String> SCRAPE_LABELS = Map.of("job", "model_mock", "instance", "localhost:9000");

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        // with every webhook set, so the receivers have integrations as in real use; routing does not depend on them
        MonitoringSettings s = MonitoringSettings.defaults()
                .with(Setting.DISCORD_WEBHOOK_URL, "https://discord.example/api/webhooks/1/a")
                .with(Setting.SLACK_WEBHOOK_URL, "https://hooks.slack.example/services/T/B/c")
                .with(Setting.HEARTBEAT_WEBHOOK_URL, "https://hc-ping.example/uuid")
                .with(Setting.MONITORING_WEBHOOK_URL, "https://ops.example/alertmanager");
        ConfigGenerator.writeAll(s, dir);
        config = dir.resolve(ConfigGenerator.ALERTMANAGER_YML);
    }

    private static List<AlertRule> rules() {
        return ConfigGenerator.ruleGroups(MonitoringSettings.defaults()).stream().map(RuleGroup::rules)
                .flatMap(List::stream).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyAlertReachesItsReceiver() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExternalTool.Distribution d : ExternalTool.Distribution.selected()) {
            ExternalTool.Found amtool;
            try {
                amtool = ExternalTool.AMTOOL.locate(d);
            } catch (ExternalTool.MissingException e) {
                tests.add(DynamicTest.dynamicTest("amtool (" + d.id() + ")", () -> {
                    throw e;
                }));
                continue;
            }
            for (AlertRule rule : rules()) {
                Map<String, String> labels = new TreeMap<>(SCRAPE_LABELS);
                labels.putAll(rule.labels());
                labels.put("alertname", rule.alert());
                String expected = EXPECTED.get(rule.alert());
                tests.add(DynamicTest.dynamicTest(amtool.describe() + ": " + rule.alert() + " -> " + expected,
                        () -> assertThat(route(amtool.path(), labels, expected)).isEqualTo(expected)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyAlertHasAnExpectedReceiverAndTheCasesCoverEveryRoute() {
        assertThat(rules().stream().map(AlertRule::alert).distinct()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        Route root = Routing.alertmanagerConfig(MonitoringSettings.defaults()).route();
        // one receiver per route, so covering every receiver is covering every route
        List<String> receivers = root.flatten().stream().map(Route::receiver).toList();
        assertThat(receivers).doesNotHaveDuplicates();
        assertThat(EXPECTED.values()).containsAll(receivers);
    }

    @Test
    void anAlertNoRuleKnowsFallsBackToTheRootReceiver() {
        assertThat(route(Map.of("alertname", "SomethingElse", "severity", "warning"), Routing.DISCORD))
                .isEqualTo(Routing.DISCORD);
    }

    @Test
    void aWrongExpectationFails() {
        Map<String, String> watchdog = Map.of("alertname", "Watchdog", "component", "monitoring", "severity", "none");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> route(watchdog, Routing.DISCORD))
                .isInstanceOf(ConfigChecks.CheckFailedException.class).hasMessageContaining("heartbeat");
    }

    private String route(Map<String, String> labels, String expected) {
        return route(ExternalTool.AMTOOL.require(), labels, expected);
    }

    /** The receiver amtool resolves {@code labels} to, checked against {@code expected} by amtool itself. */
    private String route(Path amtool, Map<String, String> labels, String expected) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config,
                "--verify.receivers=" + expected));
        new LinkedHashMap<>(labels).forEach((k, v) -> args.add(k + "=" + v));
        return ConfigChecks.run(amtool, args.toArray(String[]::new)).lines()
                .filter(l -> !l.startsWith("Warning:")).findFirst().orElse("");
    }
}
