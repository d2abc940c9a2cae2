package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.alertmanager.InhibitRule;
import dev.monitoringlab.settings.MonitoringSettings;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inhibition rules as generated, and what they do to the alerts the rules raise, by Alertmanager's semantics
 * (a source alert mutes a target alert when both match their side and every {@code equal} label has the same
 * value, a missing label counting as empty). amtool cannot test inhibition; the live check is InhibitionIT in the
 * stack module.
 */
class InhibitRulesTest {
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)(=|!=)\"([^\"]*)\"");

    private static final Map<String, String> MOCK_DOWN = Map.of("alertname", "TargetDown", "job", "model_mock",
            "instance", "localhost:9000", "severity", "critical", "component", "monitoring");
    private static final Map<String, String> MOCK_HIGH = Map.of("alertname", "ModelMockHighAccuracy", "job",
            "model_mock", "instance", "localhost:9000", "severity", "warning", "component", "model-mock");

    @Test
    void theGeneratedFileHoldsTheTwoRules() {
        String yml = ConfigGenerator.render(MonitoringSettings.defaults()).stream()
                .filter(f -> f.relativePath().equals(ConfigGenerator.ALERTMANAGER_YML)).findFirst().orElseThrow().content();
        assertThat(yml).contains("""
                inhibit_rules:
                  - source_matchers:
                      - alertname="TargetDown"
                    target_matchers:
                      - alertname!="TargetDown"
                    equal:
                      - job
                      - instance
                  - source_matchers:
                      - severity="critical"
                    target_matchers:
                      - severity="warning"
                    equal:
                      - alertname
                      - instance
                """);
    }

    @Test
    void aDownTargetMutesTheOtherAlertsOfItsJobAndInstanceOnly() {
        assertThat(inhibits(MOCK_DOWN, MOCK_HIGH)).isTrue();
        assertThat(inhibits(MOCK_DOWN, with(MOCK_HIGH, "instance", "localhost:9001"))).as("another instance").isFalse();
        assertThat(inhibits(with(MOCK_DOWN, "job", "node"), MOCK_HIGH)).as("another job, same address").isFalse();
        Map<String, String> otherDown = with(with(MOCK_DOWN, "job", "node"), "instance", "vm:9100");
        assertThat(inhibits(otherDown, MOCK_DOWN)).as("one TargetDown never mutes another").isFalse();
    }

    @Test
    void theWatchdogIsNeverMuted() {
        Map<String, String> watchdog = Map.of("alertname", "Watchdog", "severity", "none", "component", "monitoring");
        assertThat(inhibits(MOCK_DOWN, watchdog)).isFalse();
        assertThat(inhibits(with(MOCK_HIGH, "severity", "critical"), watchdog)).isFalse();
    }

    @Test
    void aCriticalAlertMutesTheWarningOfTheSameAlertAndInstance() {
        Map<String, String> critical = with(MOCK_HIGH, "severity", "critical");
        assertThat(inhibits(critical, MOCK_HIGH)).isTrue();
        assertThat(inhibits(critical, with(MOCK_HIGH, "instance", "localhost:9001"))).isFalse();
        assertThat(inhibits(critical, with(MOCK_HIGH, "alertname", "ModelMockResultMissing"))).isFalse();
        assertThat(inhibits(MOCK_HIGH, critical)).as("a warning never mutes a critical").isFalse();
    }

    @Test
    void theLabsAlertsAreMutedOnlyByADownTargetOrTheirOwnCriticalTwin() {
        // HostHighCpuLoad is averaged by instance (no job label): a node TargetDown does not mute it, but its
        // series are gone while the exporter is down, so it resolves by itself
        Map<String, String> cpu = Map.of("alertname", "HostHighCpuLoad", "instance", "vm:9100", "severity", "warning",
                "component", "host");
        Map<String, String> nodeDown = with(with(MOCK_DOWN, "job", "node"), "instance", "vm:9100");
        assertThat(inhibits(nodeDown, cpu)).isFalse();
        assertThat(inhibits(MOCK_DOWN, cpu)).isFalse();
    }

    private static boolean inhibits(Map<String, String> source, Map<String, String> target) {
        for (InhibitRule rule : Routing.inhibitRules()) {
            boolean sourceMatches = rule.sourceMatchers().stream().allMatch(m -> matches(m, source));
            boolean targetMatches = rule.targetMatchers().stream().allMatch(m -> matches(m, target));
            // an alert matching both sides is not muted by another alert that does too (Alertmanager's rule)
            boolean twoSided = rule.sourceMatchers().stream().allMatch(m -> matches(m, target))
                    && rule.targetMatchers().stream().allMatch(m -> matches(m, source));
            boolean equal = rule.equal().stream()
                    .allMatch(l -> source.getOrDefault(l, "").equals(target.getOrDefault(l, "")));
            if (sourceMatches && targetMatches && equal && !twoSided) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String matcher, Map<String, String> labels) {
        Matcher m = MATCHER.matcher(matcher);
        assertThat(m.matches()).as("matcher %s", matcher).isTrue();
        boolean same = labels.getOrDefault(m.group(1), "").equals(m.group(3));
        return m.group(2).equals("=") == same;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> out = new java.util.HashMap<>(labels);
        out.put(name, value);
        return out;
    }
}
