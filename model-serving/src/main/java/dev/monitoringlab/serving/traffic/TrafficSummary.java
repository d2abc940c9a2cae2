package dev.monitoringlab.serving.traffic;

import java.time.Duration;
import java.util.Locale;

/** What a scenario run did: requests sent, failed, and the classes the service answered. */
public record TrafficSummary(String scenario, long sent, long errors, long normal, long successful, Duration took) {

    public long answered() {
        return normal + successful;
    }

    /** Share of successful predictions among the answered requests (0 when none was answered). */
    public double successfulShare() {
        return answered() == 0 ? 0 : (double) successful / answered();
    }

    public String render() {
        long n = Math.max(1, answered());
        return String.format(Locale.ROOT, "scenario %s: %d requests sent in %.1f s, %d errors%n"
                        + "  normal     %7d (%5.1f %%)%n  successful %7d (%5.1f %%)%n",
                scenario, sent, took.toMillis() / 1000.0, errors, normal, 100.0 * normal / n,
                successful, 100.0 * successful / n);
    }
}
