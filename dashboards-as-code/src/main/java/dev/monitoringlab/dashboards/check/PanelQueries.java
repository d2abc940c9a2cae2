package dev.monitoringlab.dashboards.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.settings.PromDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL query of one dashboard JSON, as Grafana would run it: each panel target, and each query
 * variable ({@code label_values(selector, label)} becomes {@code count by (label) (selector)}), with the
 * dashboard's relative time range and the value each variable has when the dashboard opens ("All").
 * Read from the JSON rather than the Java model, so any dashboard file can be checked.
 */
public record PanelQueries(String dashboardUid, String dashboardTitle, Duration timeRange,
                           Map<String, String> variableDefaults, List<PanelQuery> queries) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELATIVE = Pattern.compile("now-(\\d+[smhdw])");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

    public PanelQueries {
        variableDefaults = Map.copyOf(variableDefaults);
        queries = List.copyOf(queries);
    }

    /** One query and where it comes from, for failure messages. */
    public record PanelQuery(String dashboard, String panel, String refId, String expr) {
        public String describe() {
            return "dashboard '" + dashboard + "', panel '" + panel + "', target " + refId + ", expr " + expr;
        }
    }

    public static PanelQueries of(String dashboardJson) {
        JsonNode root;
        try {
            root = JSON.readTree(dashboardJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dashboard JSON: " + e.getOriginalMessage(), e);
        }
        String title = root.path("title").asText();
        Duration range = relativeRange(root.path("time"));
        Map<String, String> defaults = new LinkedHashMap<>();
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode v : root.path("templating").path("list")) {
            String name = v.path("name").asText();
            if (v.path("includeAll").asBoolean(false)) {
                defaults.put(name, v.path("allValue").asText(".*"));
            }
            if ("query".equals(v.path("type").asText())) {
                Matcher m = LABEL_VALUES.matcher(v.path("query").asText().trim());
                if (m.matches()) {
                    queries.add(new PanelQuery(title, "variable $" + name, "query",
                            "count by (" + m.group(2) + ") (" + m.group(1).trim() + ")"));
                }
            }
        }
        collectPanels(root.path("panels"), title, queries);
        return new PanelQueries(root.path("uid").asText(), title, range, defaults, queries);
    }

    private static void collectPanels(JsonNode panels, String dashboard, List<PanelQuery> into) {
        for (JsonNode p : panels) {
            // A collapsed row keeps its panels inside itself.
            collectPanels(p.path("panels"), dashboard, into);
            for (JsonNode t : p.path("targets")) {
                if (t.hasNonNull("expr") && !t.path("hide").asBoolean(false)) {
                    into.add(new PanelQuery(dashboard, p.path("title").asText(), t.path("refId").asText(),
                            t.path("expr").asText()));
                }
            }
        }
    }

    /** "now-15m" .. "now" as 15 minutes; absolute ranges make no sense for a live check. */
    private static Duration relativeRange(JsonNode time) {
        Matcher m = RELATIVE.matcher(time.path("from").asText());
        if (!m.matches() || !"now".equals(time.path("to").asText())) {
            throw new IllegalArgumentException("time range " + time + " is not now-<duration> .. now");
        }
        return PromDuration.parse(m.group(1));
    }
}
