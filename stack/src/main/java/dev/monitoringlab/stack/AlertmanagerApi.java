package dev.monitoringlab.stack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alertmanager's API (/api/v2): the alerts it holds and their state, the silences in effect, and its cluster. */
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

    /** An alert as Alertmanager holds it, with what mutes it: the fingerprints of the alerts that inhibit it. */
    public record Status(String fingerprint, Map<String, String> labels, String state, List<String> inhibitedBy) {
        public String name() {
            return labels.get("alertname");
        }
    }

    /**
     * An alert to post as a client would (Prometheus does the same): labels, annotations, a source link, and an end
     * time (null: active until Alertmanager's resolve_timeout; in the past: resolved).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, String generatorURL,
                                String endsAt) {
        public PostableAlert(Map<String, String> labels, Map<String, String> annotations, String generatorURL) {
            this(labels, annotations, generatorURL, null);
        }

        /** The same alert, resolved at {@code at}. */
        public PostableAlert resolvedAt(java.time.Instant at) {
            return new PostableAlert(labels, annotations, generatorURL, at.toString());
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

    /** Every alert with its fingerprint and inhibition state (active, suppressed, unprocessed). */
    public List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        for (JsonNode a : Http.getJson(base.resolve("/api/v2/alerts"))) {
            List<String> by = new ArrayList<>();
            a.path("status").path("inhibitedBy").forEach(f -> by.add(f.asText()));
            out.add(new Status(a.path("fingerprint").asText(), map(a.path("labels")),
                    a.path("status").path("state").asText(), by));
        }
        return out;
    }

    /** An alert's state as Alertmanager reports it, with the silences that suppress it. */
    public record AlertState(String name, String state, List<String> silencedBy) {
    }

    public List<AlertState> alertStates() {
        List<AlertState> out = new ArrayList<>();
        for (JsonNode a : Http.getJson(base.resolve("/api/v2/alerts"))) {
            List<String> silencedBy = new ArrayList<>();
            a.path("status").path("silencedBy").forEach(id -> silencedBy.add(id.asText()));
            out.add(new AlertState(a.path("labels").path("alertname").asText(), a.path("status").path("state").asText(),
                    silencedBy));
        }
        return out;
    }

    /** POST /api/v2/alerts: the alerts start now and stay active until Alertmanager's resolve_timeout. */
    public void post(List<PostableAlert> alerts) {
        Http.postJson(base.resolve("/api/v2/alerts"), alerts);
    }

    /** The gossip cluster's state ("ready", "settling", "disabled") and its members' addresses. */
    public record Cluster(String status, List<String> peers) {
    }

    public Cluster cluster() {
        JsonNode c = Http.getJson(base.resolve("/api/v2/status")).path("cluster");
        List<String> peers = new ArrayList<>();
        c.path("peers").forEach(p -> peers.add(p.path("address").asText()));
        return new Cluster(c.path("status").asText(), peers);
    }

    /** Ids of the silences in effect now (state "active"). */
    public List<String> activeSilences() {
        List<String> out = new ArrayList<>();
        for (JsonNode s : Http.getJson(base.resolve("/api/v2/silences"))) {
            if ("active".equals(s.path("status").path("state").asText())) {
                out.add(s.path("id").asText());
            }
        }
        return out;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
