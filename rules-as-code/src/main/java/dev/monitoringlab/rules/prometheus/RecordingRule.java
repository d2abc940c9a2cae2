package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recording rule: the result of {@code expr} stored as a new series named {@code record}. Names follow
 * Prometheus's {@code level:metric:operations} convention, so a reader sees what was aggregated and how.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"record", "expr", "labels"})
public record RecordingRule(String record, String expr, Map<String, String> labels) {
    public RecordingRule {
        if (record == null || !record.matches("[a-zA-Z_]\\w*:\\w+:\\w+")) {
            throw new IllegalArgumentException("recording rule names read level:metric:operations, got '" + record + "'");
        }
        if (expr == null || expr.isBlank()) {
            throw new IllegalArgumentException("recording rule " + record + " has no expr");
        }
        labels = labels == null || labels.isEmpty() ? Map.of() : new LinkedHashMap<>(labels);
    }
}
