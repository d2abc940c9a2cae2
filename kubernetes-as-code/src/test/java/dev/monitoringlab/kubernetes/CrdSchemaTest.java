package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.settings.MonitoringSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every generated custom resource against the Prometheus Operator's own CRD schema, closed to unknown fields. */
class CrdSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OperatorSchemas schemas;
    private final Manifests manifests = new Manifests(CoreObjectsTest.withWebhooks(MonitoringSettings.defaults()));

    @BeforeAll
    static void locateSchemas() {
        schemas = OperatorSchemas.locate().orElse(null);
    }

    /** Per test, so that every test names what is missing rather than passing without a check. */
    @BeforeEach
    void requireSchemas() {
        assertThat(schemas).as(OperatorSchemas.notFoundMessage()).isNotNull();
    }

    @Test
    void everyGeneratedCustomResourceMatchesItsCrd() {
        int checked = 0;
        for (Map<String, Object> o : manifests.objects) {
            if (OperatorSchemas.isCustomResource((String) o.get("kind"))) {
                assertThat(schemas.errors(o)).as("%s %s", o.get("kind"), Manifests.<String>at(o, "metadata", "name"))
                        .isEmpty();
                checked++;
            }
        }
        // 3 PrometheusRules, 1 ServiceMonitor, 1 AlertmanagerConfig at least
        assertThat(checked).isGreaterThanOrEqualTo(5);
        assertThat(manifests.ofKind("PrometheusRule")).isNotEmpty();
        assertThat(manifests.ofKind("ServiceMonitor")).hasSize(1);
        assertThat(manifests.ofKind("AlertmanagerConfig")).hasSize(1);
    }

    /** The CRD leaves child routes unchecked (preserve-unknown-fields); the operator parses them as routes. */
    @Test
    void everyChildRouteMatchesTheRouteSchema() {
        JsonNode routeSchema = schemas.crdSchema("AlertmanagerConfig", "v1alpha1").path("properties").path("spec")
                .path("properties").path("route");
        List<Map<String, Object>> children = new ArrayList<>();
        collectChildren(Manifests.at(manifests.one("AlertmanagerConfig"), "spec", "route"), children);
        assertThat(children).isNotEmpty();
        for (Map<String, Object> child : children) {
            assertThat(schemas.errors(routeSchema, JSON.valueToTree(child))).as("child route %s", child).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectChildren(Map<String, Object> route, List<Map<String, Object>> out) {
        for (Object c : (List<Object>) route.getOrDefault("routes", List.of())) {
            out.add((Map<String, Object>) c);
            collectChildren((Map<String, Object>) c, out);
        }
    }

    /** The checks can fail: each mistake a translation could make is caught, with its path. */
    @Test
    void theSchemasCatchWhatTheApiServerWouldRefuseOrPrune() {
        Map<String, Object> rule = copy(manifests.ofKind("PrometheusRule").get(0));
        Manifests.<Map<String, Object>>at(rule, "spec", "groups", 0, "rules", 0).put("for", "3 minutes");
        assertThat(schemas.errors(rule)).anyMatch(e -> e.contains("for"));

        Map<String, Object> am = copy(manifests.one("AlertmanagerConfig"));
        Map<String, Object> discord = Manifests.at(am, "spec", "receivers", 0, "discordConfigs", 0);
        discord.put("apiURL", "https://discord.example/api/webhooks/1/x");
        assertThat(schemas.errors(am)).anyMatch(e -> e.contains("apiURL"));

        Map<String, Object> misspelt = copy(manifests.one("AlertmanagerConfig"));
        Manifests.<Map<String, Object>>at(misspelt, "spec", "receivers", 0, "discordConfigs", 0).put("webhookURL", "x");
        assertThat(schemas.errors(misspelt)).anyMatch(e -> e.contains("webhookURL"));

        Map<String, Object> matcher = copy(manifests.one("AlertmanagerConfig"));
        Manifests.<Map<String, Object>>at(matcher, "spec", "route").put("matchers",
                List.of(Map.of("name", "component", "value", "host", "matchType", "==")));
        assertThat(schemas.errors(matcher)).anyMatch(e -> e.contains("matchType"));

        Map<String, Object> monitor = copy(manifests.one("ServiceMonitor"));
        Manifests.<Map<String, Object>>at(monitor, "spec", "endpoints", 0).put("interval", "5 seconds");
        assertThat(schemas.errors(monitor)).anyMatch(e -> e.contains("interval"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> o) {
        return JSON.convertValue(JSON.valueToTree(o), LinkedHashMap.class);
    }
}
