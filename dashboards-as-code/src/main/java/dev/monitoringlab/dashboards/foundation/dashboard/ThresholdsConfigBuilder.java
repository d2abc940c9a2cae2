// Mirrors com.grafana.foundation.dashboard.ThresholdsConfigBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
