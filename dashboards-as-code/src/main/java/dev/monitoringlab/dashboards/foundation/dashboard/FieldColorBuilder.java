package dev.monitoringlab.dashboards.foundation.dashboard;

import dev.monitoringlab.dashboards.foundation.cog.Builder;

public class FieldColorBuilder implements Builder<FieldColor> {
    protected final FieldColor internal = new FieldColor();

    public FieldColorBuilder mode(FieldColorModeId mode) {
        this.internal.mode = mode;
        return this;
    }

    @Override
    public FieldColor build() {
        return this.internal;
    }
}
