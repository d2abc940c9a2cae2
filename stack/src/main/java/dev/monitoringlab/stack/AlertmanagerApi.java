package dev.monitoringlab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alertmanager's API (/api/v2): the alerts it holds and their state. */
public final class AlertmanagerApi {
    private final URI base;

    public AlertmanagerApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public record Alert(Map<String, String> labels, Map<String, String> annotations, String state, String startsAt,
                        String endsAt) {
        public String name() {
            return labels.get("alertname");
        }
    }

    public boolean ready() {
        return Http.ok(base.resolve("/-/ready"));
    }

    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (JsonNode a : Http.getJson(base.resolve("/api/v2/alerts"))) {
            out.add(new Alert(map(a.path("labels")), map(a.path("annotations")), a.path("status").path("state").asText(),
                    a.path("startsAt").asText(), a.path("endsAt").asText()));
        }
        return out;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
