package dev.monitoringlab.rules.alertmanager;

import java.util.List;

/**
 * {@code inhibit_rules} entry: while an alert matching {@code sourceMatchers} fires, alerts matching
 * {@code targetMatchers} whose {@code equal} labels have the same values are muted (shown as suppressed).
 */
public record InhibitRule(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {
    public InhibitRule {
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = List.copyOf(equal);
    }
}
