// Mirrors com.grafana.foundation.common.GraphThresholdsStyleConfigBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
