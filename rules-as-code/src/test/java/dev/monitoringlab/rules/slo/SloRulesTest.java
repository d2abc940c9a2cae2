package dev.monitoringlab.rules.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.rules.StoreModelSlos;
import dev.monitoringlab.rules.Yaml;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RecordingRule;
import dev.monitoringlab.rules.prometheus.RuleFile;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloRulesTest {
    private static Slo slo(double objective, BurnRateTier... tiers) {
        return Slo.builder("demo").alertName("DemoBudgetBurn").objective(objective).period(Duration.ofDays(28))
                .errorRatio(w -> "errors[" + w + "]").tiers(tiers).build();
    }

    @Test
    void recordsOneErrorRatioPerWindowOfEveryTierAndThePeriod() {
        List<RecordingRule> records = SloRules.recordingRules(slo(0.995, BurnRateTier.FAST, BurnRateTier.SLOW));

        assertThat(records).extracting(RecordingRule::record).containsExactly("slo:sli_error:ratio_rate5m",
                "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate6h",
                "slo:sli_error:ratio_rate28d", "slo:error_budget_remaining:ratio");
        assertThat(records.get(0).expr()).isEqualTo("errors[5m]");
        assertThat(records).allSatisfy(r -> assertThat(r.labels()).isEqualTo(Map.of("slo", "demo")));
        assertThat(records.get(5).expr()).isEqualTo("1 - slo:sli_error:ratio_rate28d{slo=\"demo\"} / 0.005");
    }

    @Test
    void eachTierAlertsWhenBothItsWindowsBurnFasterThanItsFactorTimesTheBudget() {
        AlertRule fast = SloRules.alert(slo(0.995, BurnRateTier.FAST), BurnRateTier.FAST);

        assertThat(fast.expr()).isEqualTo("slo:sli_error:ratio_rate1h{slo=\"demo\"} > 0.072\nand\n"
                + "slo:sli_error:ratio_rate5m{slo=\"demo\"} > 0.072");
        assertThat(fast.forDuration()).isEqualTo("2m");
        assertThat(fast.labels()).containsEntry("severity", "critical").containsEntry("long_window", "1h")
                .containsEntry("short_window", "5m").containsEntry("slo", "demo");
        assertThat(fast.annotations().get("description")).contains("gone in 46.7 hours instead of 28d");
    }

    @Test
    void refusesObjectivesOutsideZeroToOneAndTiersThatCanNeverFire() {
        assertThatThrownBy(() -> slo(1.0, BurnRateTier.FAST)).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> slo(0.9, BurnRateTier.FAST)).hasMessageContaining("can never be reached");
        assertThatThrownBy(() -> Slo.builder("Bad Name")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new BurnRateTier(2, Duration.ofMinutes(5), Duration.ofHours(1), "warning", Duration.ZERO))
                .hasMessageContaining("shorter than the long one");
        assertThatThrownBy(() -> new RecordingRule("no_colons", "up", Map.of())).hasMessageContaining("level:metric");
    }

    @Test
    void aGroupWritesItsRecordingRulesBeforeItsAlerts() {
        RuleGroup group = SloRules.group("demo-slo", List.of(slo(0.995, BurnRateTier.FAST)));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) Yaml.read(Yaml.write(RuleFile.of(group)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) file.get("groups"))
                .get(0).get("rules");

        assertThat(rules).hasSize(5); // windows 5m, 1h and 28d, the budget left, the alert
        assertThat(rules.get(3)).containsEntry("record", "slo:error_budget_remaining:ratio");
        assertThat(rules.get(4)).containsEntry("alert", "DemoBudgetBurn");
    }

    @Test
    void theLatencyObjectiveReadsTheBucketAtItsThresholdAsTheServiceLabelsIt() {
        MonitoringSettings s = MonitoringSettings.defaults();
        assertThat(StoreModelSlos.latencyBound(s)).isEqualTo("0.025");
        assertThat(StoreModelSlos.latencyBound(s.with(Setting.STORE_SLO_LATENCY_THRESHOLD, "100ms"))).isEqualTo("0.1");
        assertThat(StoreModelSlos.latency(s).errorRatio().apply("5m")).contains("le=\"0.025\"");
    }
}
