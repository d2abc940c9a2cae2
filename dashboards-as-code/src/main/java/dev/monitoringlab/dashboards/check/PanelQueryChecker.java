package dev.monitoringlab.dashboards.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every query of a dashboard against a live Prometheus (HTTP API {@code query_range} over the dashboard's
 * time range, as Grafana does) and reports each query that fails or returns no series with at least one
 * number in it, naming dashboard, panel and expression. Any module can check its dashboard with it:
 * {@code new PanelQueryChecker(prometheusUri, scrapeInterval).assertEveryQueryHasData(PanelQueries.of(json))}.
 */
public final class PanelQueryChecker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI prometheus;
    private final Duration scrapeInterval;
    private final Map<String, String> variables = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param prometheus base URI such as {@code http://127.0.0.1:41234} */
    public PanelQueryChecker(URI prometheus, Duration scrapeInterval) {
        this.prometheus = prometheus;
        this.scrapeInterval = scrapeInterval;
    }

    /** Sets a dashboard variable (otherwise a variable with "All" gets its all-value). */
    public PanelQueryChecker variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** One line per query without data; empty when every query returned at least one series. */
    public List<String> failures(PanelQueries dashboard) {
        Map<String, String> vars = new HashMap<>(dashboard.variableDefaults());
        vars.putAll(variables);
        Interpolation interpolation = new Interpolation(scrapeInterval, scrapeInterval, dashboard.timeRange(), vars);
        Instant end = Instant.now();
        Instant start = end.minus(dashboard.timeRange());
        List<String> failures = new ArrayList<>();
        for (PanelQueries.PanelQuery q : dashboard.queries()) {
            try {
                String expr = interpolation.apply(q.expr());
                int series = seriesWithData(expr, start, end);
                if (series == 0) {
                    failures.add(q.describe() + ": no series with data (ran " + expr + ")");
                }
            } catch (IllegalArgumentException | IOException e) {
                failures.add(q.describe() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    public void assertEveryQueryHasData(PanelQueries dashboard) {
        List<String> failures = failures(dashboard);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + dashboard.queries().size() + " queries of dashboard '"
                    + dashboard.dashboardTitle() + "' returned no data:\n  " + String.join("\n  ", failures));
        }
    }

    /** Series in the query_range result with at least one finite sample (NaN-only series do not count). */
    int seriesWithData(String expr, Instant start, Instant end) throws IOException {
        // Millisecond timestamps: cutting "now" to whole seconds can put the last step before the newest sample.
        String body = "query=" + encode(expr) + "&start=" + seconds(start) + "&end=" + seconds(end)
                + "&step=" + Math.max(1, scrapeInterval.toSeconds()) + "s";
        HttpRequest request = HttpRequest.newBuilder(prometheus.resolve("/api/v1/query_range"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode root = JSON.readTree(response.body());
        if (!"success".equals(root.path("status").asText())) {
            throw new IllegalArgumentException("Prometheus answered " + response.statusCode() + ": "
                    + root.path("errorType").asText() + ": " + root.path("error").asText());
        }
        int count = 0;
        for (JsonNode series : root.path("data").path("result")) {
            for (JsonNode sample : series.path("values")) {
                double v = parse(sample.path(1).asText());
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String seconds(Instant t) {
        return java.math.BigDecimal.valueOf(t.toEpochMilli(), 3).toPlainString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
