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
