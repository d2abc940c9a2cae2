package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import org.junit.jupiter.api.Test;

/** Lab 7.3's acceptance criteria, read from the generated JSON as Grafana will read it. */
class ModelMockDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(MonitoringSettings settings) throws Exception {
        return JSON.readTree(DashboardJson.write(new ModelMockDashboard(settings).build()));
    }

    static JsonNode panel(JsonNode dashboard, String title) {
        for (JsonNode p : dashboard.path("panels")) {
            if (title.equals(p.path("title").asText())) {
                return p;
            }
        }
        throw new AssertionError("no panel '" + title + "' in " + dashboard.path("uid"));
    }

    @Test
    void refreshesEveryFiveSecondsAndShowsTheLastFifteenMinutes() throws Exception {
        JsonNode d = json(MonitoringSettings.defaults());
        assertThat(d.path("refresh").asText()).isEqualTo("5s");
        assertThat(d.path("time").path("from").asText()).isEqualTo("now-15m");
        assertThat(d.path("time").path("to").asText()).isEqualTo("now");
        assertThat(d.path("uid").asText()).isEqualTo("model-mock");
        assertThat(d.path("schemaVersion").asInt()).isEqualTo(41);
    }

    @Test
    void modelResultPanelDrawsARedLineAtTheThresholdOnAZeroToOneAxis() throws Exception {
        JsonNode p = panel(json(MonitoringSettings.defaults()), "Model result");
        JsonNode defaults = p.path("fieldConfig").path("defaults");
        assertThat(p.path("targets").path(0).path("expr").asText()).isEqualTo("model_result");
        assertThat(defaults.path("min").asDouble()).isEqualTo(0.0);
        assertThat(defaults.path("max").asDouble()).isEqualTo(1.0);
        JsonNode steps = defaults.path("thresholds").path("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.path(0).has("value")).as("base step keeps \"value\": null").isTrue();
        assertThat(steps.path(0).path("value").isNull()).isTrue();
        assertThat(steps.path(1).path("value").asDouble()).isEqualTo(0.75);
        assertThat(steps.path(1).path("color").asText()).isEqualTo("red");
        assertThat(defaults.path("thresholds").path("mode").asText()).isEqualTo("absolute");
        assertThat(defaults.path("custom").path("thresholdsStyle").path("mode").asText()).isEqualTo("line");
        assertThat(p.path("gridPos").path("w").asInt()).isEqualTo(24);
    }

    @Test
    void theThresholdComesFromTheSettings() throws Exception {
        JsonNode d = json(MonitoringSettings.defaults().with(Setting.MODEL_MOCK_THRESHOLD, "0.6"));
        JsonNode steps = panel(d, "Model result").path("fieldConfig").path("defaults").path("thresholds").path("steps");
        assertThat(steps.path(1).path("value").asDouble()).isEqualTo(0.6);
        assertThat(DashboardJson.write(new ModelMockDashboard(MonitoringSettings.defaults()
                .with(Setting.MODEL_MOCK_THRESHOLD, "0.6")).build())).doesNotContain("0.75");
    }

    @Test
    void theSelectorComesFromTheSettings() throws Exception {
        JsonNode d = json(MonitoringSettings.defaults().with(Setting.MODEL_MOCK_SELECTOR, "job=\"model_mock\""));
        assertThat(panel(d, "Model result").path("targets").path(0).path("expr").asText())
                .isEqualTo("model_result{job=\"model_mock\"}");
        assertThat(panel(d, "Result updates per second").path("targets").path(0).path("expr").asText())
                .isEqualTo("rate(model_result_updates_total{job=\"model_mock\"}[$__rate_interval])");
    }

    @Test
    void showsTheMocksCounterAndHistogramToo() throws Exception {
        JsonNode d = json(MonitoringSettings.defaults());
        assertThat(panel(d, "Result updates per second").path("targets").path(0).path("expr").asText())
                .isEqualTo("rate(model_result_updates_total[$__rate_interval])");
        JsonNode quantiles = panel(d, "Result distribution (histogram quantiles)").path("targets");
        assertThat(quantiles).hasSize(2);
        assertThat(quantiles.path(0).path("expr").asText()).isEqualTo(
                "histogram_quantile(0.5, sum by (le) (rate(model_result_value_bucket[$__rate_interval])))");
        assertThat(quantiles.path(1).path("legendFormat").asText()).isEqualTo("p90");
        assertThat(quantiles.path(1).path("refId").asText()).isEqualTo("B");
    }
}
