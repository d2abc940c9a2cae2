package dev.monitoringlab.rules.prometheus;

import java.util.List;

/** A named group of rules, evaluated together at the global evaluation interval. */
public record RuleGroup(String name, List<AlertRule> rules) {
    public RuleGroup {
        rules = List.copyOf(rules);
    }

    /** The same group with every rule passed through {@code change}. */
    public RuleGroup map(java.util.function.UnaryOperator<AlertRule> change) {
        return new RuleGroup(name, rules.stream().map(change).toList());
    }
}
