package dev.monitoringlab.rules.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service level objective: the share of events that must be good over a period, and how to measure the share
 * that is bad over any window. {@link SloRules} turns it into recording rules and burn-rate alerts.
 * <pre>{@code
 * Slo.builder("store-model-availability")
 *     .alertName("StoreModelAvailabilityBudgetBurn")
 *     .objective(0.995).period(Duration.ofDays(28))
 *     .errorRatio(window -> "sum(rate(errors[" + window + "])) / sum(rate(requests[" + window + "]))")
 *     .tiers(BurnRateTier.FAST, BurnRateTier.SLOW)
 *     .build();
 * }</pre>
 */
public record Slo(String name, String alertName, String description, double objective, Duration period,
                  Function<String, String> errorRatio, List<BurnRateTier> tiers, Map<String, String> labels) {

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The share of events that may be bad, {@code 1 - objective}. */
    public double errorBudget() {
        return 1 - objective;
    }

    public static final class Builder {
        private final String name;
        private String alertName;
        private String description = "";
        private Double objective;
        private Duration period = Duration.ofDays(28);
        private Function<String, String> errorRatio;
        private final List<BurnRateTier> tiers = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String name) {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("SLO names are lower-case words joined by '-': '" + name + "'");
            }
            this.name = name;
        }

        public Builder alertName(String alertName) {
            this.alertName = alertName;
            return this;
        }

        /** What the good events are, in words, for the alert's description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder objective(Double objective) {
            this.objective = objective;
            return this;
        }

        public Builder period(Duration period) {
            this.period = period;
            return this;
        }

        /** The PromQL of the bad share of events over a window given as a Prometheus duration ("5m"). */
        public Builder errorRatio(Function<String, String> errorRatio) {
            this.errorRatio = errorRatio;
            return this;
        }

        public Builder tiers(BurnRateTier... tiers) {
            this.tiers.addAll(List.of(tiers));
            return this;
        }

        public Builder label(String name, String value) {
            labels.put(name, value);
            return this;
        }

        public Slo build() {
            if (objective == null || !(objective > 0 && objective < 1)) {
                throw new IllegalStateException("SLO " + name + " needs an objective strictly between 0 and 1, got "
                        + objective);
            }
            if (alertName == null || errorRatio == null || tiers.isEmpty()) {
                throw new IllegalStateException("SLO " + name + " needs an alert name, an error ratio and a tier");
            }
            for (BurnRateTier t : tiers) {
                if (t.factor() * (1 - objective) >= 1) {
                    throw new IllegalStateException("SLO " + name + ": burn rate " + t.factor() + " can never be reached"
                            + " with an objective of " + objective + " (the error ratio cannot exceed 1)");
                }
            }
            return new Slo(name, alertName, description, objective, period, errorRatio, List.copyOf(tiers),
                    Map.copyOf(labels));
        }
    }
}
