// Mirrors com.grafana.foundation.common.VizTooltipOptionsBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.common;

import dev.monitoringlab.dashboards.foundation.cog.Builder;

public class VizTooltipOptionsBuilder implements Builder<VizTooltipOptions> {
    protected final VizTooltipOptions internal = new VizTooltipOptions();

    public VizTooltipOptionsBuilder mode(TooltipDisplayMode mode) {
        this.internal.mode = mode;
        return this;
    }

    public VizTooltipOptionsBuilder sort(SortOrder sort) {
        this.internal.sort = sort;
        return this;
    }

    @Override
    public VizTooltipOptions build() {
        return this.internal;
    }
}
