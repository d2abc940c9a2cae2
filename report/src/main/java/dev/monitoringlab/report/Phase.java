package dev.monitoringlab.report;

import java.time.Instant;

/**
 * One phase of a scenario the capture script ran: a stress-ng load, a pause, normal or faulty traffic.
 * {@code expectAlert} says whether the lab expects the alert to fire because of this phase.
 */
public record Phase(String scenario, String name, boolean expectAlert, Instant start, Instant end) {
    public Phase {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("phase " + name + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
