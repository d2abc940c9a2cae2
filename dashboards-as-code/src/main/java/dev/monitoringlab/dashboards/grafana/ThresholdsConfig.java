package dev.monitoringlab.dashboards.grafana;

import java.util.List;

/** A panel's threshold steps, sorted by value, the first being the base step (value null). */
public record ThresholdsConfig(ThresholdsMode mode, List<Threshold> steps) {

    public ThresholdsConfig {
        steps = List.copyOf(steps);
    }
}
