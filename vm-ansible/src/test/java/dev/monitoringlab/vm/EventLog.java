package dev.monitoringlab.vm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Events of a load scenario with their times, printed like the lab's "timeline of events". */
final class EventLog {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private record Event(String what, Instant at, String since, Duration delay) {
    }

    private final List<Event> events = new ArrayList<>();

    /** Adds an event; {@code since} names an earlier event to measure the delay from, or null. */
    EventLog add(String what, Instant at, String since) {
        Duration delay = null;
        if (since != null) {
            delay = Duration.between(time(since), at);
        }
        events.add(new Event(what, at, since, delay));
        return this;
    }

    Instant time(String what) {
        return events.stream().filter(e -> e.what.equals(what)).findFirst().map(Event::at)
                .orElseThrow(() -> new IllegalArgumentException("no event '" + what + "'"));
    }

    String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %-9s %s%n", "event", "UTC", "delay"));
        for (Event e : events) {
            String delay = e.delay == null ? "" : String.format(Locale.ROOT, "%s after %s", format(e.delay), e.since);
            sb.append(String.format(Locale.ROOT, "%-28s %-9s %s%n", e.what, CLOCK.format(e.at), delay));
        }
        return sb.toString();
    }

    static String format(Duration d) {
        long tenths = d.toMillis() / 100;
        long minutes = tenths / 600;
        double seconds = (tenths % 600) / 10.0;
        return minutes > 0 ? String.format(Locale.ROOT, "%dm%04.1fs", minutes, seconds) : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
