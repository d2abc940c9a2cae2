package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/** One alerting rule: name, PromQL condition, how long it must hold, labels and annotations. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"alert", "expr", "for", "labels", "annotations"})
public record AlertRule(String alert, String expr, @JsonProperty("for") String forDuration,
                        Map<String, String> labels, Map<String, String> annotations) {

    /** A copy with one more annotation (or one replaced); how runbook links are added to every rule at once. */
    public AlertRule withAnnotation(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(annotations);
        more.put(name, value);
        return new AlertRule(alert, expr, forDuration, labels, more);
    }

    public static Builder builder(String alert) {
        return new Builder(alert);
    }

    public static final class Builder {
        private final String alert;
        private String expr;
        private String forDuration;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();

        private Builder(String alert) {
            if (!alert.matches("[A-Z][A-Za-z0-9]+")) {
                throw new IllegalArgumentException("alert names are CamelCase: '" + alert + "'");
            }
            this.alert = alert;
        }

        public Builder expr(String expr) {
            this.expr = expr;
            return this;
        }

        /** A {@code for} of "0s" is left out, as Prometheus treats a missing one. */
        public Builder forDuration(String duration) {
            this.forDuration = "0s".equals(duration) ? null : duration;
            return this;
        }

        public Builder label(String name, String value) {
            labels.put(name, value);
            return this;
        }

        public Builder summary(String text) {
            annotations.put("summary", text);
            return this;
        }

        public Builder description(String text) {
            annotations.put("description", text);
            return this;
        }

        public AlertRule build() {
            if (expr == null || expr.isBlank()) {
                throw new IllegalStateException("alert " + alert + " has no expr");
            }
            if (!annotations.containsKey("summary") || !annotations.containsKey("description")) {
                throw new IllegalStateException("alert " + alert + " needs both a summary and a description");
            }
            return new AlertRule(alert, expr, forDuration, Map.copyOf(labels).isEmpty() ? Map.of()
                    : new LinkedHashMap<>(labels), new LinkedHashMap<>(annotations));
        }
    }
}
