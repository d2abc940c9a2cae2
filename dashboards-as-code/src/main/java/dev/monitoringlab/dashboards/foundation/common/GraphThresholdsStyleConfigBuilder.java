package dev.monitoringlab.dashboards.foundation.common;

public class GraphThresholdsStyleConfigBuilder implements dev.monitoringlab.dashboards.foundation.cog.Builder<GraphThresholdsStyleConfig> {
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
