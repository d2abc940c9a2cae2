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
