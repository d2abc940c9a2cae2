package dev.monitoringlab.dashboards.grafana;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link ThresholdsConfig}: {@code new ThresholdsConfigBuilder().mode(ABSOLUTE).steps(List.of(...))}. */
public final class ThresholdsConfigBuilder implements Builder<ThresholdsConfig> {
    private ThresholdsMode mode = ThresholdsMode.ABSOLUTE;
    private final List<Threshold> steps = new ArrayList<>();

    public ThresholdsConfigBuilder mode(ThresholdsMode mode) {
        this.mode = mode;
        return this;
    }

    public ThresholdsConfigBuilder steps(List<Threshold> steps) {
        this.steps.clear();
        this.steps.addAll(steps);
        return this;
    }

    @Override
    public ThresholdsConfig build() {
        return new ThresholdsConfig(mode, steps);
    }
}
