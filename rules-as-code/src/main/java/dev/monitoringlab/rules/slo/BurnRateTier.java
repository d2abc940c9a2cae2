package dev.monitoringlab.rules.slo;

import java.time.Duration;

/**
 * One row of the multi-window, multi-burn-rate table of Google's SRE workbook ("Alerting on SLOs"): alert when
 * the error budget burns {@code factor} times faster than the rate that would spend it exactly over the SLO
 * period, measured over both a long window (enough budget spent to matter) and a short one (still burning now,
 * so the alert resolves soon after the burn stops).
 */
public record BurnRateTier(double factor, Duration longWindow, Duration shortWindow, String severity, Duration forDuration) {
    /** Pages: 2 % of a 30-day budget in one hour. */
    public static final BurnRateTier FAST = new BurnRateTier(14.4, Duration.ofHours(1), Duration.ofMinutes(5), "critical",
            Duration.ofMinutes(2));
    /** Ticket: 5 % of the budget in six hours. */
    public static final BurnRateTier SLOW = new BurnRateTier(6, Duration.ofHours(6), Duration.ofMinutes(30), "warning",
            Duration.ofMinutes(15));
    /** Ticket: 10 % of the budget in a day. */
    public static final BurnRateTier STEADY = new BurnRateTier(3, Duration.ofDays(1), Duration.ofHours(2), "warning",
            Duration.ofHours(1));

    public BurnRateTier {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a burn rate factor must be above 0, got " + factor);
        }
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("the short window (" + shortWindow + ") must be shorter than the long one ("
                    + longWindow + ")");
        }
    }
}
