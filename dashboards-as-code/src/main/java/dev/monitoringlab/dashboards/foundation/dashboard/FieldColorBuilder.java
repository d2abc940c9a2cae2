// Mirrors com.grafana.foundation.dashboard.FieldColorBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
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
