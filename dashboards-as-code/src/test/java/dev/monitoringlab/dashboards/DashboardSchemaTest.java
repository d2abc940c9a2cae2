package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.settings.MonitoringSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every generated dashboard, target and timeseries config against Grafana's own JSON schemas. */
class DashboardSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GrafanaSchemas schemas;

    @BeforeAll
    static void locateSchemas() {
        schemas = GrafanaSchemas.locate().orElse(null);
    }

    /** Per test, so that every test names what is missing rather than passing without a check. */
    @BeforeEach
    void requireSchemas() {
        assertThat(schemas).as(GrafanaSchemas.notFoundMessage()).isNotNull();
    }

    private static List<JsonNode> dashboards() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (Dashboard d : Dashboards.all(MonitoringSettings.defaults())) {
            out.add(JSON.readTree(DashboardJson.write(d)));
        }
        return out;
    }

    @Test
    void everyDashboardMatchesTheDashboardSchema() throws Exception {
        for (JsonNode d : dashboards()) {
            assertThat(GrafanaSchemas.errors(schemas.dashboard(), d))
                    .as("dashboard %s against %s#/definitions/Dashboard", d.path("uid"), schemas.dir())
                    .isEmpty();
        }
    }

    @Test
    void everyTargetMatchesThePrometheusDataquerySchema() throws Exception {
        int checked = 0;
        for (JsonNode d : dashboards()) {
            for (JsonNode p : d.path("panels")) {
                for (JsonNode t : p.path("targets")) {
                    assertThat(GrafanaSchemas.errors(schemas.prometheusDataquery(), t))
                            .as("dashboard %s, panel '%s', target %s", d.path("uid"), p.path("title").asText(),
                                    t.path("refId").asText())
                            .isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void everyTimeseriesPanelsCustomConfigAndOptionsMatchTheTimeseriesSchema() throws Exception {
        int checked = 0;
        for (JsonNode d : dashboards()) {
            for (JsonNode p : d.path("panels")) {
                if (!"timeseries".equals(p.path("type").asText())) {
                    continue;
                }
                String where = "dashboard " + d.path("uid") + ", panel '" + p.path("title").asText() + "'";
                assertThat(GrafanaSchemas.errors(schemas.timeseriesFieldConfig(),
                        p.path("fieldConfig").path("defaults").path("custom")))
                        .as("%s fieldConfig.defaults.custom", where).isEmpty();
                assertThat(GrafanaSchemas.errors(schemas.timeseriesOptions(), p.path("options")))
                        .as("%s options", where).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    // The checks below prove the schemas really bite, including through $ref chains.

    @Test
    void aPanelWiderThanTheGridFailsWithItsPath() throws Exception {
        ObjectNode d = (ObjectNode) dashboards().get(0);
        ((ObjectNode) d.path("panels").path(0).path("gridPos")).put("w", 30);
        assertThat(GrafanaSchemas.errors(schemas.dashboard(), d))
                .anyMatch(e -> e.startsWith("$.panels[0].gridPos.w:"));
    }

    @Test
    void aThresholdStepWithoutColourFailsWithItsPath() throws Exception {
        ObjectNode d = (ObjectNode) dashboards().get(0);
        ObjectNode step = (ObjectNode) d.path("panels").path(0).path("fieldConfig").path("defaults")
                .path("thresholds").path("steps").path(1);
        step.remove("color");
        assertThat(GrafanaSchemas.errors(schemas.dashboard(), d))
                .anyMatch(e -> e.startsWith("$.panels[0].fieldConfig.defaults.thresholds.steps[1]:")
                        && e.contains("color"));
    }

    @Test
    void anUnknownThresholdsStyleModeFailsThroughTheRefChain() throws Exception {
        ObjectNode custom = (ObjectNode) dashboards().get(0).path("panels").path(0).path("fieldConfig")
                .path("defaults").path("custom");
        ((ObjectNode) custom.path("thresholdsStyle")).put("mode", "lines");
        // FieldConfig -> GraphFieldConfig -> GraphThresholdsStyleConfig -> GraphThresholdsStyleMode
        assertThat(GrafanaSchemas.errors(schemas.timeseriesFieldConfig(), custom))
                .anyMatch(e -> e.startsWith("$.thresholdsStyle.mode:"));
    }

    @Test
    void aTargetWithoutExprOrWithAnUnknownKeyFails() throws Exception {
        ObjectNode target = (ObjectNode) dashboards().get(0).path("panels").path(0).path("targets").path(0);
        target.remove("expr");
        target.put("exprr", "model_result");
        assertThat(GrafanaSchemas.errors(schemas.prometheusDataquery(), target))
                .anyMatch(e -> e.contains("expr"))
                .anyMatch(e -> e.contains("exprr"));
    }

    @Test
    void legendWithoutRequiredKeysFails() throws Exception {
        ObjectNode options = (ObjectNode) dashboards().get(0).path("panels").path(0).path("options");
        ((ObjectNode) options.path("legend")).remove("showLegend");
        assertThat(GrafanaSchemas.errors(schemas.timeseriesOptions(), options))
                .anyMatch(e -> e.startsWith("$.legend:") && e.contains("showLegend"));
    }
}
