package dev.monitoringlab.stack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What was injected when and what arrived when, in seconds since the scenario began; printed whole at the end of
 * a fault test (scenarios run side by side, so lines are collected rather than printed as they happen).
 */
final class Timeline {
    private record Event(Instant at, String what) {
    }

    private final String title;
    private final Instant start = Instant.now();
    private final List<Event> events = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();

    Timeline(String title) {
        this.title = title;
    }

    Instant start() {
        return start;
    }

    synchronized Instant mark(String what) {
        return mark(Instant.now(), what);
    }

    synchronized Instant mark(Instant at, String what) {
        events.add(new Event(at, what));
        return at;
    }

    /** A result line printed under the events ("lost: 0", "firing after 62 s"). */
    synchronized void result(String line) {
        summary.add(line);
    }

    double secondsSinceStart(Instant at) {
        return Duration.between(start, at).toMillis() / 1000.0;
    }

    synchronized String render() {
        StringBuilder b = new StringBuilder("=== fault timeline: " + title + " ===\n");
        events.stream().sorted(Comparator.comparing(Event::at)).forEach(e ->
                b.append(String.format("  t=%7.1f s  %s%n", secondsSinceStart(e.at()), e.what())));
        summary.forEach(s -> b.append("  => ").append(s).append('\n'));
        return b.toString();
    }

    void print() {
        System.out.print(render());
        System.out.flush();
    }
}
