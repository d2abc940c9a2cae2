package dev.monitoringlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The alert pages saved while each alert fired ({@code raw/alerts-NAME.prometheus.json}, Prometheus's
 * /api/v1/alerts entries, and {@code raw/alerts-NAME.alertmanager.json}, Alertmanager's /api/v2/alerts entries,
 * taken together by capture-evidence.sh) as one Markdown table: what each page shows of the alert, annotations
 * included.
 */
final class AlertPages {
    /** The alerts capture-evidence.sh looks out for, in the order of the lab. */
    static final List<String> ALERTS = List.of("ModelMockHighAccuracy", "HostHighCpuLoad", "StoreSuccessRateLow",
            "StoreModelInputDrift", "TargetDown");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SHOWN_ELSEWHERE = List.of("alertname", "severity", "component");

    private AlertPages() {
    }

    /** The table; fails when no alert page was saved at all. */
    static String table(Path raw) {
        List<List<String>> rows = new ArrayList<>();
        for (String alert : ALERTS) {
            Path prom = raw.resolve("alerts-" + alert + ".prometheus.json");
            Path am = raw.resolve("alerts-" + alert + ".alertmanager.json");
            if (!Files.exists(prom) || !Files.exists(am)) {
                continue;
            }
            JsonNode p = read(prom).path(0);
            JsonNode a = read(am).path(0);
            String labels = fields(p.path("labels")).stream().filter(kv -> !SHOWN_ELSEWHERE.contains(kv[0]))
                    .map(kv -> kv[0] + "=" + kv[1]).collect(Collectors.joining(", "));
            List<String> names = new ArrayList<>();
            a.path("receivers").forEach(r -> names.add(r.path("name").asText()));
            String receivers = String.join(", ", names);
            rows.add(List.of("**" + alert + "** (" + p.path("labels").path("severity").asText() + ")", labels,
                    p.path("state").asText() + ", its condition true since " + p.path("activeAt").asText()
                            .replaceFirst("\\.\\d+Z$", "Z"),
                    a.path("status").path("state").asText() + " since " + a.path("startsAt").asText()
                            .replaceFirst("\\.\\d+Z$", "Z") + ", to " + receivers,
                    p.path("annotations").path("summary").asText(), p.path("annotations").path("description").asText(),
                    p.path("annotations").path("runbook_url").asText()));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no alert pages in " + raw + " (alerts-NAME.prometheus.json and"
                    + " alerts-NAME.alertmanager.json, saved by capture-evidence.sh)");
        }
        return Markdown.table(List.of("alert", "labels", "Prometheus (/api/v1/alerts)", "Alertmanager (/api/v2/alerts)",
                "summary", "description", "runbook_url"), rows);
    }

    private static List<String[]> fields(JsonNode object) {
        List<String[]> out = new ArrayList<>();
        object.fields().forEachRemaining(e -> out.add(new String[] {e.getKey(), e.getValue().asText()}));
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (!node.isArray() || node.isEmpty()) {
                throw new IllegalArgumentException(file + ": expected a non-empty JSON array of alerts");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("evidence file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
