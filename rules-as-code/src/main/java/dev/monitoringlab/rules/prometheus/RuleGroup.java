package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named group of rules, evaluated together at the global evaluation interval. Recording rules come first in
 * the file, so the alerts of the same group read the series recorded in the same evaluation.
 */
public record RuleGroup(String name, List<RecordingRule> recordingRules, List<AlertRule> rules) {
    public RuleGroup {
        recordingRules = List.copyOf(recordingRules);
        rules = List.copyOf(rules);
    }

    /** The same group with every alert passed through {@code change}; recording rules stay as they are. */
    public RuleGroup map(java.util.function.UnaryOperator<AlertRule> change) {
        return new RuleGroup(name, recordingRules, rules.stream().map(change).toList());
    }

    /** A group of alerts only. */
    public RuleGroup(String name, List<AlertRule> rules) {
        this(name, List.of(), rules);
    }

    /** The group as Prometheus reads it: {@code name} and one {@code rules} list holding both kinds. */
    @JsonValue
    public Map<String, Object> toPrometheus() {
        List<Object> all = new ArrayList<>(recordingRules);
        all.addAll(rules);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("rules", all);
        return out;
    }
}
