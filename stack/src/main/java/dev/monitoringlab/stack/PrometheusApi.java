package dev.monitoringlab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Prometheus's HTTP API (/api/v1): instant and range queries, targets and alerts. */
public final class PrometheusApi {
    private final URI base;

    public PrometheusApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** One series of an instant query: its labels and value. */
    public record Series(Map<String, String> labels, double value) {
    }

    /** One series of a range query: its labels and (unix seconds, value) points. */
    public record RangeSeries(Map<String, String> labels, List<double[]> points) {
    }

    public record Target(String job, String instance, String health, String lastError) {
    }

    /** An alert as Prometheus sees it: pending or firing, since activeAt. */
    public record Alert(String name, String state, Map<String, String> labels, Instant activeAt, double value) {
    }

    public boolean ready() {
        return Http.ok(base.resolve("/-/ready"));
    }

    public List<Series> query(String expr) {
        JsonNode data = data(Http.getJson(base.resolve("/api/v1/query?query=" + enc(expr))), expr);
        List<Series> out = new ArrayList<>();
        if ("scalar".equals(data.path("resultType").asText())) {
            out.add(new Series(Map.of(), Double.parseDouble(data.path("result").get(1).asText())));
            return out;
        }
        for (JsonNode r : data.path("result")) {
            out.add(new Series(labels(r.path("metric")), Double.parseDouble(r.path("value").get(1).asText())));
        }
        return out;
    }

    public List<RangeSeries> queryRange(String expr, Instant start, Instant end, Duration step) {
        String q = "/api/v1/query_range?query=" + enc(expr) + "&start=" + start.getEpochSecond() + "&end="
                + end.getEpochSecond() + "&step=" + Math.max(1, step.toSeconds());
        JsonNode data = data(Http.getJson(base.resolve(q)), expr);
        return matrix(data);
    }

    /**
     * The raw samples of {@code selector} in the {@code window} before {@code at} (a range-vector instant query): what
     * was stored, without the interpolation of a range query. Through VictoriaMetrics, after its deduplication.
     */
    public List<RangeSeries> samples(String selector, Duration window, Instant at) {
        String expr = selector + "[" + Math.max(1, window.toSeconds()) + "s]";
        JsonNode data = data(Http.getJson(base.resolve("/api/v1/query?query=" + enc(expr) + "&time="
                + at.getEpochSecond())), expr);
        return matrix(data);
    }

    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (JsonNode t : Http.getJson(base.resolve("/api/v1/targets?state=active")).path("data").path("activeTargets")) {
            out.add(new Target(t.path("labels").path("job").asText(), t.path("labels").path("instance").asText(),
                    t.path("health").asText(), t.path("lastError").asText()));
        }
        return out;
    }

    /**
     * The Alertmanagers Prometheus sends its alerts to now. Right after start the list is empty for some seconds
     * (its service discovery hands the notifier the configured targets only after a first sync): an alert that
     * fires then is not delivered until it is sent again.
     */
    public List<String> activeAlertmanagers() {
        List<String> out = new ArrayList<>();
        for (JsonNode am : Http.getJson(base.resolve("/api/v1/alertmanagers")).path("data").path("activeAlertmanagers")) {
            out.add(am.path("url").asText());
        }
        return out;
    }

    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (JsonNode a : Http.getJson(base.resolve("/api/v1/alerts")).path("data").path("alerts")) {
            Map<String, String> labels = labels(a.path("labels"));
            out.add(new Alert(labels.get("alertname"), a.path("state").asText(), labels,
                    Instant.parse(a.path("activeAt").asText()), Double.parseDouble(a.path("value").asText())));
        }
        return out;
    }

    /** Polls every 250 ms until {@code condition} holds for the query's result, or fails after {@code timeout}. */
    public List<Series> awaitQuery(String expr, Predicate<List<Series>> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Series> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = query(expr);
            if (condition.test(last)) {
                return last;
            }
            Waits.pause(Duration.ofMillis(250));
        }
        throw new AssertionError("after " + timeout.toSeconds() + " s, '" + expr + "' still gave " + last);
    }

    private static List<RangeSeries> matrix(JsonNode data) {
        List<RangeSeries> out = new ArrayList<>();
        for (JsonNode r : data.path("result")) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode v : r.path("values")) {
                points.add(new double[] {v.get(0).asDouble(), Double.parseDouble(v.get(1).asText())});
            }
            out.add(new RangeSeries(labels(r.path("metric")), points));
        }
        return out;
    }

    private static JsonNode data(JsonNode root, String expr) {
        if (!"success".equals(root.path("status").asText())) {
            throw new IllegalStateException("query '" + expr + "' failed: " + root.path("error").asText());
        }
        return root.path("data");
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
