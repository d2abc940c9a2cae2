package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

/** How series get their colour; {@link #PALETTE_CLASSIC} gives each series its own. */
public enum FieldColorModeId {
    THRESHOLDS("thresholds"),
    PALETTE_CLASSIC("palette-classic"),
    FIXED("fixed");

    private final String value;

    FieldColorModeId(String value) {
        this.value = value;
    }

    /** The value Grafana's JSON holds (the SDK's accessor name). */
    @JsonValue
    public String Value() {
        return value;
    }
}
