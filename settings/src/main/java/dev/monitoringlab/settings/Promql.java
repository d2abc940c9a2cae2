package dev.monitoringlab.settings;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds PromQL series selectors from a metric name and matcher lists, any of which may be empty. */
public final class Promql {
    private Promql() {
    }

    /** {@code series("up", "job=\"node\"", "")} is {@code up{job="node"}}; with no matchers, just {@code up}. */
    public static String series(String metric, String... matcherLists) {
        String matchers = Arrays.stream(matcherLists)
                .filter(m -> m != null && !m.isBlank())
                .map(String::trim)
                .map(m -> m.startsWith(",") ? m.substring(1).trim() : m)
                .collect(Collectors.joining(", "));
        return matchers.isEmpty() ? metric : metric + "{" + matchers + "}";
    }
}
