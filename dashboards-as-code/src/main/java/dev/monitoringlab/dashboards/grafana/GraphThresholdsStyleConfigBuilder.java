package dev.monitoringlab.dashboards.grafana;

/** Builds a timeseries panel's {@code custom.thresholdsStyle}. */
public final class GraphThresholdsStyleConfigBuilder implements Builder<GraphThresholdsStyleConfig> {
    private GraphThresholdsStyleMode mode = GraphThresholdsStyleMode.OFF;

    public GraphThresholdsStyleConfigBuilder mode(GraphThresholdsStyleMode mode) {
        this.mode = mode;
        return this;
    }

    @Override
    public GraphThresholdsStyleConfig build() {
        return new GraphThresholdsStyleConfig(mode);
    }
}
