package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties every generated dashboard must have, and the Host and Store model panels tied to alerts. */
class DashboardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> all(MonitoringSettings settings) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Dashboard d : Dashboards.all(settings)) {
            out.add(JSON.readTree(DashboardJson.write(d)));
        }
        return out;
    }

    private static JsonNode byUid(List<JsonNode> all, String uid) {
        return all.stream().filter(d -> uid.equals(d.path("uid").asText())).findFirst().orElseThrow();
    }

    @Test
    void uidsAreStableAndUnique() {
        // byte-for-byte stability across builds is StableOutputTest's, in two separate JVMs
        assertThat(Dashboards.all(MonitoringSettings.defaults())).extracting(d -> d.uid)
                .containsExactly("model-mock", "host", "store-model", "store-model-slo")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyPanelTargetAndVariableUsesTheProvisionedDatasource() throws Exception {
        int refs = 0;
        for (JsonNode d : all(MonitoringSettings.defaults())) {
            for (JsonNode p : d.path("panels")) {
                if ("row".equals(p.path("type").asText())) {
                    continue;
                }
                assertThat(p.path("datasource").path("uid").asText()).as("%s / %s", d.path("uid"), p.path("title"))
                        .isEqualTo(Common.DATASOURCE_UID);
                for (JsonNode t : p.path("targets")) {
                    assertThat(t.path("datasource").path("uid").asText()).isEqualTo(Common.DATASOURCE_UID);
                    refs++;
                }
            }
            for (JsonNode v : d.path("templating").path("list")) {
                assertThat(v.path("datasource").path("uid").asText()).isEqualTo(Common.DATASOURCE_UID);
            }
        }
        assertThat(refs).isGreaterThan(20);
        assertThat(GrafanaProvisioning.datasources(MonitoringSettings.defaults()))
                .contains("uid: " + Common.DATASOURCE_UID);
    }

    @Test
    void inTheHighlyAvailableLayoutGrafanaQueriesVictoriaMetrics() {
        MonitoringSettings ha = MonitoringSettings.defaults().with(Setting.HA_ENABLED, "true")
                .with(Setting.VICTORIA_METRICS_PORT, "18428");
        assertThat(GrafanaProvisioning.datasources(ha)).contains("url: http://host.docker.internal:18428")
                .contains("uid: " + Common.DATASOURCE_UID);
        assertThat(GrafanaProvisioning.datasources(MonitoringSettings.defaults()))
                .contains("url: http://host.docker.internal:9090");
    }

    @Test
    void everyDashboardIsTaggedGeneratedAndSaysSo() throws Exception {
        for (JsonNode d : all(MonitoringSettings.defaults())) {
            assertThat(d.path("tags").toString()).contains("\"generated\"");
            assertThat(d.path("description").asText()).startsWith(Common.GENERATED_NOTE);
        }
    }

    /** Lab 7.3's criteria hold for every dashboard, not only the model mock's: a drift in one is caught here. */
    @Test
    void everyDashboardRefreshesEveryFiveSecondsAndShowsTheLastFifteenMinutes() throws Exception {
        List<JsonNode> all = all(MonitoringSettings.defaults());
        assertThat(all).extracting(d -> d.path("uid").asText()).contains("model-mock", "host", "store-model");
        for (JsonNode d : all) {
            assertThat(d.path("refresh").asText()).as("refresh of %s", d.path("uid")).isEqualTo("5s");
            assertThat(d.path("time").path("from").asText()).as("time.from of %s", d.path("uid")).isEqualTo("now-15m");
            assertThat(d.path("time").path("to").asText()).as("time.to of %s", d.path("uid")).isEqualTo("now");
        }
    }

    @Test
    void jsonByUidIsWhatTheGeneratorWrites() throws Exception {
        Map<String, String> byUid = Dashboards.jsonByUid(MonitoringSettings.defaults());
        assertThat(byUid).containsOnlyKeys("model-mock", "host", "store-model", "store-model-slo");
        Map<String, String> files = GrafanaGenerator.render(MonitoringSettings.defaults(),
                Dashboards.all(MonitoringSettings.defaults()));
        byUid.forEach((uid, json) -> assertThat(files.get(GrafanaGenerator.DASHBOARDS_DIR + "/" + uid + ".json"))
                .isEqualTo(json));
    }

    /** The SDK's own serialisation (Jackson's default layout) gives the same document as the generated file. */
    @Test
    void toJsonAsTheSdkWritesItIsTheSameTreeAsTheGeneratedFile() throws Exception {
        for (Dashboard d : Dashboards.all(MonitoringSettings.defaults())) {
            String sdk = d.toJSON();
            assertThat(sdk).contains("\"uid\" : \"" + d.uid + "\"");
            assertThat(JSON.readTree(sdk)).isEqualTo(JSON.readTree(DashboardJson.write(d)));
        }
    }

    @Test
    void everyDashboardPassesTheGeneratorsChecks() {
        assertThat(DashboardChecks.problems(Dashboards.all(MonitoringSettings.defaults()), Common.prometheus())).isEmpty();
    }

    @Test
    void hostCpuPanelUsesTheAlertsExpressionWindowAndThreshold() throws Exception {
        MonitoringSettings s = MonitoringSettings.defaults()
                .with(Setting.HOST_CPU_RATE_WINDOW, "30s").with(Setting.HOST_CPU_THRESHOLD_PERCENT, "85");
        JsonNode cpu = ModelMockDashboardTest.panel(byUid(all(s), "host"), "CPU busy");
        assertThat(cpu.path("targets").path(0).path("expr").asText()).isEqualTo(
                "100 * (1 - avg by (instance) (rate(node_cpu_seconds_total"
                        + "{job=\"node\", mode=\"idle\", instance=~\"$instance\"}[30s])))");
        JsonNode defaults = cpu.path("fieldConfig").path("defaults");
        assertThat(defaults.path("thresholds").path("steps").path(1).path("value").asDouble()).isEqualTo(85.0);
        assertThat(defaults.path("thresholds").path("steps").path(1).path("color").asText()).isEqualTo("red");
        assertThat(defaults.path("custom").path("thresholdsStyle").path("mode").asText()).isEqualTo("line");
        assertThat(defaults.path("min").asDouble()).isEqualTo(0.0);
        assertThat(defaults.path("max").asDouble()).isEqualTo(100.0);
        assertThat(defaults.path("unit").asText()).isEqualTo("percent");
    }

    @Test
    void hostDashboardHasAnInstanceVariableOverTheNodeJobUsedByEveryPanel() throws Exception {
        JsonNode host = byUid(all(MonitoringSettings.defaults()), "host");
        JsonNode v = host.path("templating").path("list").path(0);
        assertThat(v.path("name").asText()).isEqualTo("instance");
        assertThat(v.path("type").asText()).isEqualTo("query");
        assertThat(v.path("query").asText()).isEqualTo("label_values(up{job=\"node\"}, instance)");
        assertThat(v.path("includeAll").asBoolean()).isTrue();
        List<String> titles = new ArrayList<>();
        for (JsonNode p : host.path("panels")) {
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("expr").asText()).as(p.path("title").asText()).contains("instance=~\"$instance\"");
            }
            titles.add(p.path("title").asText());
        }
        assertThat(titles).contains("CPU busy", "Load average", "Memory used", "Disk space used", "Disk I/O",
                "Network traffic");
    }

    @Test
    void eachModelsClassSharePanelUsesItsAlertsExpressionAndThreshold() throws Exception {
        MonitoringSettings s = MonitoringSettings.defaults()
                .with(Setting.STORE_SUCCESS_THRESHOLD, "0.3").with(Setting.STORE_SUCCESS_WINDOW, "2m");
        JsonNode p = ModelMockDashboardTest.panel(byUid(all(s), "store-model"), "Class share: store-success");
        assertThat(p.path("targets").path(0).path("expr").asText()).isEqualTo(
                "sum(rate(store_model_predictions_total{job=\"store_model\", model=\"store-success\", model=~\"$model\","
                        + " class=\"successful\"}[2m])) / sum(rate(store_model_predictions_total{job=\"store_model\","
                        + " model=\"store-success\", model=~\"$model\"}[2m]))");
        JsonNode defaults = p.path("fieldConfig").path("defaults");
        assertThat(defaults.path("thresholds").path("steps").path(1).path("value").asDouble()).isEqualTo(0.3);
        assertThat(defaults.path("thresholds").path("steps").path(1).path("color").asText()).isEqualTo("red");
        assertThat(defaults.path("custom").path("thresholdsStyle").path("mode").asText()).isEqualTo("line");
        assertThat(defaults.path("unit").asText()).isEqualTo("percentunit");

        // order-return's descriptor has no share_alert: its share is drawn without a line no alert stands behind
        JsonNode unwatched = ModelMockDashboardTest.panel(byUid(all(s), "store-model"), "Class share: order-return");
        assertThat(unwatched.path("targets").path(0).path("expr").asText()).contains("class=\"returned\"");
        assertThat(unwatched.path("fieldConfig").path("defaults").path("thresholds").path("steps").isMissingNode()
                || unwatched.path("fieldConfig").path("defaults").path("thresholds").path("steps").size() <= 1).isTrue();
        assertThat(unwatched.path("description").asText()).contains("No alert watches it")
                .doesNotContain("StoreSuccessRateLow");
    }

    @Test
    void theStoreAndSloDashboardsHaveAModelVariableThatEveryQueryFollows() throws Exception {
        List<JsonNode> all = all(MonitoringSettings.defaults());
        for (String uid : List.of("store-model", "store-model-slo")) {
            JsonNode d = byUid(all, uid);
            JsonNode v = d.path("templating").path("list").path(0);
            assertThat(v.path("name").asText()).isEqualTo("model");
            assertThat(v.path("query").asText())
                    .isEqualTo("label_values(store_model_predictions_total{job=\"store_model\"}, model)");
            assertThat(v.path("includeAll").asBoolean()).isTrue();
            assertThat(v.path("allValue").asText()).as("All must match a series without the label too").isEqualTo(".*");
            for (JsonNode p : d.path("panels")) {
                for (JsonNode t : p.path("targets")) {
                    assertThat(t.path("expr").asText()).as("%s / %s", uid, p.path("title").asText())
                            .contains("model=~\"$model\"").doesNotContain("model!=");
                }
            }
        }
    }

    @Test
    void hostAndStorePanelsFollowTheSettingsSelectors() throws Exception {
        MonitoringSettings s = MonitoringSettings.defaults()
                .with(Setting.NODE_SELECTOR, "job=\"vm\"").with(Setting.STORE_MODEL_SELECTOR, "env=\"test\"");
        List<JsonNode> all = all(s);
        for (String uid : List.of("host", "store-model")) {
            String expected = uid.equals("host") ? "job=\"vm\"" : "env=\"test\"";
            for (JsonNode p : byUid(all, uid).path("panels")) {
                for (JsonNode t : p.path("targets")) {
                    assertThat(t.path("expr").asText()).as("%s / %s", uid, p.path("title").asText())
                            .contains(expected).doesNotContain("job=\"node\"", "job=\"store_model\"");
                }
            }
        }
        assertThat(byUid(all, "host").path("templating").path("list").path(0).path("query").asText())
                .isEqualTo("label_values(up{job=\"vm\"}, instance)");
    }

    @Test
    void storeDashboardUsesTheServicesMetricNames() throws Exception {
        String store = byUid(all(MonitoringSettings.defaults()), "store-model").toString();
        assertThat(store).contains("store_model_last_customers", "store_model_predictions_total",
                "store_model_input_customers_bucket", "store_model_input_items_bucket",
                "store_model_prediction_probability_bucket", "store_model_http_request_duration_seconds_bucket",
                "store_model_rejected_requests_total", "store_model_http_requests_total",
                "histogram_quantile(0.99,");
    }

    @Test
    void eachModelHasARowWithItsClassShareAndOneDriftPanelPerInputWithLinesAtTheModerateAndSignificantShift()
            throws Exception {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.STORE_DRIFT_THRESHOLD, "0.3")
                .with(Setting.STORE_DRIFT_MODERATE, "0.15");
        JsonNode store = byUid(all(s), "store-model");
        List<String> titles = new java.util.ArrayList<>();
        store.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        int row = titles.indexOf("Model store-success");
        assertThat(titles.subList(row, row + 4)).containsExactly("Model store-success", "Class share: store-success",
                "Input drift: store-success / items_count", "Input drift: store-success / customers_count");
        JsonNode drift = ModelMockDashboardTest.panel(store, "Input drift: store-success / customers_count");
        assertThat(drift.path("targets").path(0).path("expr").asText())
                .isEqualTo("store_model_input_drift_psi{job=\"store_model\", model=\"store-success\","
                        + " model=~\"$model\", feature=\"customers_count\"}");
        JsonNode steps = drift.path("fieldConfig").path("defaults").path("thresholds").path("steps");
        assertThat(steps.path(1).path("value").asDouble()).isEqualTo(0.15);
        assertThat(steps.path(2).path("value").asDouble()).isEqualTo(0.3);
        JsonNode output = ModelMockDashboardTest.panel(store, "Output drift");
        assertThat(output.path("targets").path(0).path("expr").asText())
                .isEqualTo("store_model_output_drift_psi{job=\"store_model\", model=~\"$model\"}");
        JsonNode accuracy = ModelMockDashboardTest.panel(store, "Accuracy on labelled predictions");
        assertThat(accuracy.path("targets").path(1).path("expr").asText())
                .isEqualTo("store_model_heldout_accuracy{job=\"store_model\", model=~\"$model\"} - 0.10");
    }

    @Test
    void theSloDashboardShowsBudgetAndABurnRatePerAlertWindowForEachSlo() throws Exception {
        JsonNode slo = byUid(all(MonitoringSettings.defaults()), "store-model-slo");
        JsonNode burn = ModelMockDashboardTest.panel(slo, "Burn rate: store-model-availability");
        List<String> legends = new java.util.ArrayList<>();
        burn.path("targets").forEach(t -> legends.add(t.path("legendFormat").asText()));
        assertThat(legends).containsExactly("{{model}} 5m", "{{model}} 30m", "{{model}} 1h", "{{model}} 2h",
                "{{model}} 6h", "{{model}} 1d");
        assertThat(burn.path("targets").path(0).path("expr").asText())
                .isEqualTo("slo:sli_error:ratio_rate5m{slo=\"store-model-availability\", model=~\"$model\"} / 0.005");
        JsonNode steps = burn.path("fieldConfig").path("defaults").path("thresholds").path("steps");
        assertThat(steps.path(1).path("value").asDouble()).isEqualTo(3);
        assertThat(steps.path(3).path("value").asDouble()).isEqualTo(14.4);
        assertThat(ModelMockDashboardTest.panel(slo, "Error budget remaining: store-model-latency")
                .path("targets").path(0).path("expr").asText())
                .isEqualTo("slo:error_budget_remaining:ratio{slo=\"store-model-latency\", model=~\"$model\"}");
    }
}
