// Mirrors com.grafana.foundation.dashboard.DashboardDashboardTimeBuilder of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.dashboard;

import dev.monitoringlab.dashboards.foundation.cog.Builder;

public class DashboardDashboardTimeBuilder implements Builder<DashboardDashboardTime> {
    protected final DashboardDashboardTime internal = new DashboardDashboardTime();

    public DashboardDashboardTimeBuilder from(String from) {
        this.internal.from = from;
        return this;
    }

    public DashboardDashboardTimeBuilder to(String to) {
        this.internal.to = to;
        return this;
    }

    @Override
    public DashboardDashboardTime build() {
        return this.internal;
    }
}
