package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.rules.StoreModelSlos;
import dev.monitoringlab.rules.slo.BurnRateTier;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every threshold line of every dashboard is tied to what it draws: a setting, or the rule code's own numbers.
 * The settings are moved off their defaults to values no dashboard uses otherwise, so a line left at a literal
 * (or drawn from the wrong setting) fails here, naming the panel. A new panel with thresholds must be added to
 * {@link #EXPECTED}, which is the point: nobody draws a red line that no alert knows of.
 */
class ThresholdsFollowSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final MonitoringSettings MOVED = MonitoringSettings.defaults()
            .with(Setting.MODEL_MOCK_THRESHOLD, "0.61")
            .with(Setting.HOST_CPU_THRESHOLD_PERCENT, "83")
            .with(Setting.STORE_SUCCESS_THRESHOLD, "0.33")
            .with(Setting.STORE_DRIFT_MODERATE, "0.13")
            .with(Setting.STORE_DRIFT_THRESHOLD, "0.27")
            .with(Setting.STORE_SLO_AVAILABILITY, "0.998")
            .with(Setting.STORE_SLO_LATENCY, "0.985");

    /** Panel title (or its prefix before ": ") -> the threshold steps (base step left out) it must draw. */
    private static final Map<String, Function<MonitoringSettings, List<Double>>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("Model result", s -> List.of(s.number(Setting.MODEL_MOCK_THRESHOLD)));
        EXPECTED.put("Result distribution (histogram quantiles)", s -> List.of(s.number(Setting.MODEL_MOCK_THRESHOLD)));
        EXPECTED.put("CPU busy", s -> List.of(s.number(Setting.HOST_CPU_THRESHOLD_PERCENT)));
        // StoreSuccessRateLow's threshold, on the panel of each model it watches ("share_alert": true)
        EXPECTED.put("Class share", s -> List.of(s.number(Setting.STORE_SUCCESS_THRESHOLD)));
        EXPECTED.put("Input drift", s -> List.of(s.number(Setting.STORE_DRIFT_MODERATE),
                s.number(Setting.STORE_DRIFT_THRESHOLD)));
        EXPECTED.put("Output drift", s -> List.of(s.number(Setting.STORE_DRIFT_MODERATE),
                s.number(Setting.STORE_DRIFT_THRESHOLD)));
        // the budget is gone below 0 by definition, whatever the objective
        EXPECTED.put("Error budget remaining", s -> List.of(0.0));
        // the burn-rate alert tiers' factors, as the SLO rule code defines them
        EXPECTED.put("Burn rate", s -> StoreModelSlos.availability(s).tiers().stream()
                .map(BurnRateTier::factor).sorted().toList());
    }

    private static Map<String, List<Double>> thresholdSteps(MonitoringSettings settings) throws Exception {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Dashboard d : Dashboards.all(settings)) {
            JsonNode json = JSON.readTree(DashboardJson.write(d));
            for (JsonNode p : json.path("panels")) {
                List<Double> values = new ArrayList<>();
                for (JsonNode step : p.path("fieldConfig").path("defaults").path("thresholds").path("steps")) {
                    if (!step.path("value").isNull() && !step.path("value").isMissingNode()) {
                        values.add(step.path("value").asDouble());
                    }
                }
                if (!values.isEmpty()) {
                    out.put(json.path("uid").asText() + " / " + p.path("title").asText(), values);
                }
            }
        }
        return out;
    }

    private static Function<MonitoringSettings, List<Double>> expectation(String panel) {
        String title = panel.substring(panel.indexOf(" / ") + 3);
        String key = title.contains(": ") ? title.substring(0, title.indexOf(": ")) : title;
        Function<MonitoringSettings, List<Double>> e = EXPECTED.get(key);
        assertThat(e).as("panel '%s' draws thresholds but none of this test's expectations names it", panel)
                .isNotNull();
        return e;
    }

    @Test
    void everyThresholdLineIsTheValueOfItsSettingAtTheDefaults() throws Exception {
        Map<String, List<Double>> steps = thresholdSteps(MonitoringSettings.defaults());
        assertThat(steps).hasSizeGreaterThanOrEqualTo(EXPECTED.size());
        steps.forEach((panel, values) -> assertThat(values).as(panel)
                .isEqualTo(expectation(panel).apply(MonitoringSettings.defaults())));
    }

    @Test
    void everyThresholdLineMovesWithItsSetting() throws Exception {
        Map<String, List<Double>> steps = thresholdSteps(MOVED);
        steps.forEach((panel, values) -> assertThat(values).as(panel).isEqualTo(expectation(panel).apply(MOVED)));
        assertThat(steps.get("model-mock / Result distribution (histogram quantiles)")).containsExactly(0.61);
        assertThat(steps.get("model-mock / Model result")).containsExactly(0.61);
    }
}
