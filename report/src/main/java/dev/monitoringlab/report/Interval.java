package dev.monitoringlab.report;

import java.time.Duration;
import java.time.Instant;

/** A span of time, e.g. while an alert was firing; {@code end} is null while it still is. */
public record Interval(Instant start, Instant end) {
    public Duration length(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }
}
