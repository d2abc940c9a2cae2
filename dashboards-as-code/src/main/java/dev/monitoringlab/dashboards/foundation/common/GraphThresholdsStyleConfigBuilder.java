package dev.monitoringlab.dashboards.foundation.common;

import dev.monitoringlab.dashboards.foundation.cog.Builder;

public class GraphThresholdsStyleConfigBuilder implements Builder<GraphThresholdsStyleConfig> {
    protected final GraphThresholdsStyleConfig internal = new GraphThresholdsStyleConfig();

    public GraphThresholdsStyleConfigBuilder mode(GraphThresholdsStyleMode mode) {
        this.internal.mode = mode;
        return this;
    }

    @Override
    public GraphThresholdsStyleConfig build() {
        return this.internal;
    }
}
