package dev.monitoringlab.dashboards.foundation.dashboard;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import java.util.List;

public class ThresholdsConfigBuilder implements Builder<ThresholdsConfig> {
    protected final ThresholdsConfig internal = new ThresholdsConfig();

    public ThresholdsConfigBuilder mode(ThresholdsMode mode) {
        this.internal.mode = mode;
        return this;
    }

    public ThresholdsConfigBuilder steps(List<Threshold> steps) {
        this.internal.steps = steps;
        return this;
    }

    @Override
    public ThresholdsConfig build() {
        return this.internal;
    }
}
