package dev.monitoringlab.rules.prometheus;

import java.util.List;

/** A rules file as Prometheus loads it: {@code groups:}. */
public record RuleFile(List<RuleGroup> groups) {
    public static RuleFile of(RuleGroup... groups) {
        return new RuleFile(List.of(groups));
    }
}
