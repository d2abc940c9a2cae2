package dev.monitoringlab.rules.prometheus;

import java.util.List;

/** A fixed list of targets, as in {@code static_configs}. */
public record StaticConfig(List<String> targets) {
    public StaticConfig {
        targets = List.copyOf(targets);
    }
}
