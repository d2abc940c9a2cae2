package dev.monitoringlab.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The lab's timeline of events (7.5.2): load start, alert, load end, resolve, with the delays that matter,
 * derived from the scenario's phases, the alert's firing intervals and the notifications that arrived.
 */
public final class AlertTimeline {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One event; {@code delay} is relative to the phase boundary that caused it, empty for phase events. */
    public record Event(Instant at, String what, String delay) {
    }

    /** What the lab expected of a phase and what happened. */
    public record Verdict(Phase phase, int alertsStarted, Optional<Duration> firstAfterStart, boolean asExpected) {
    }

    private final String alertName;
    private final List<Event> events;
    private final List<Verdict> verdicts;

    private AlertTimeline(String alertName, List<Event> events, List<Verdict> verdicts) {
        this.alertName = alertName;
        this.events = events;
        this.verdicts = verdicts;
    }

    public List<Event> events() {
        return events;
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    public boolean allAsExpected() {
        return verdicts.stream().allMatch(Verdict::asExpected);
    }

    public static AlertTimeline derive(String alertName, List<Phase> phases, List<Interval> firing,
                                  List<WebhookMessage> messages) {
        List<Event> events = new ArrayList<>();
        for (Phase p : phases) {
            events.add(new Event(p.start(), "start " + p.name(), ""));
            events.add(new Event(p.end(), "end " + p.name(), ""));
        }
        for (Interval i : firing) {
            Optional<Phase> cause = phaseAt(phases, i.start());
            events.add(new Event(i.start(), alertName + " firing in Prometheus",
                    cause.map(p -> "+" + human(Duration.between(p.start(), i.start())) + " after start " + p.name())
                            .orElse("")));
            if (i.end() != null) {
                events.add(new Event(i.end(), alertName + " resolved in Prometheus",
                        cause.filter(p -> !i.end().isBefore(p.end()))
                                .map(p -> "+" + human(Duration.between(p.end(), i.end())) + " after end " + p.name())
                                .orElse("")));
            }
        }
        for (WebhookMessage m : messages) {
            if (!m.about(alertName)) {
                continue;
            }
            Optional<Phase> cause = phaseAt(phases, m.receivedAt());
            String kind = m.resolved() ? "resolved" : "firing";
            String delay = "";
            if (m.firing()) {
                delay = cause.map(p -> "+" + human(Duration.between(p.start(), m.receivedAt())) + " after start "
                        + p.name()).orElse("");
            } else {
                delay = lastEndedBefore(phases, m.receivedAt()).map(p -> "+" + human(Duration.between(p.end(),
                        m.receivedAt())) + " after end " + p.name()).orElse("");
            }
            events.add(new Event(m.receivedAt(), m.receiver() + " message: " + kind + " (" + m.title() + ")", delay));
        }
        events.sort(Comparator.comparing(Event::at));

        List<Verdict> verdicts = new ArrayList<>();
        for (Phase p : phases) {
            List<Interval> started = firing.stream().filter(i -> p.contains(i.start())).toList();
            Optional<Duration> first = started.stream().map(i -> Duration.between(p.start(), i.start())).findFirst();
            verdicts.add(new Verdict(p, started.size(), first, p.expectAlert() == !started.isEmpty()));
        }
        return new AlertTimeline(alertName, List.copyOf(events), List.copyOf(verdicts));
    }

    /** The phase running at {@code t}, or the last one that started before it. */
    private static Optional<Phase> phaseAt(List<Phase> phases, Instant t) {
        Optional<Phase> inside = phases.stream().filter(p -> p.contains(t)).findFirst();
        return inside.isPresent() ? inside
                : phases.stream().filter(p -> !p.start().isAfter(t)).max(Comparator.comparing(Phase::start));
    }

    private static Optional<Phase> lastEndedBefore(List<Phase> phases, Instant t) {
        return phases.stream().filter(p -> p.expectAlert() && !p.end().isAfter(t)).max(Comparator.comparing(Phase::end));
    }

    /** The two Markdown tables: events in order, then each phase's verdict. */
    public String toMarkdown() {
        List<List<String>> rows = new ArrayList<>();
        Instant t0 = events.isEmpty() ? Instant.EPOCH : events.get(0).at();
        for (Event e : events) {
            rows.add(List.of(CLOCK.format(e.at()), "+" + human(Duration.between(t0, e.at())), e.what(), e.delay()));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Markdown.table(List.of("time (UTC)", "since first event", "event", "delay"), rows));
        sb.append('\n');
        List<List<String>> v = new ArrayList<>();
        for (Verdict x : verdicts) {
            v.add(List.of(x.phase().name(), human(Duration.between(x.phase().start(), x.phase().end())),
                    x.phase().expectAlert() ? "alert" : "no alert",
                    x.alertsStarted() == 0 ? "no alert" : x.alertsStarted() + " alert(s), first +"
                            + human(x.firstAfterStart().orElseThrow()) + " after start",
                    x.asExpected() ? "yes" : "**NO**"));
        }
        sb.append(Markdown.table(List.of("phase", "length", "lab expects", "" + alertName + " started during it",
                "as expected"), v));
        return sb.toString();
    }

    /** "3m05s", "12s", "850ms": short and exact enough for a timeline. */
    public static String human(Duration d) {
        long ms = Math.abs(d.toMillis());
        String sign = d.isNegative() ? "-" : "";
        if (ms < 1000) {
            return sign + ms + "ms";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return sign + s + "s";
        }
        return sign + (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
}
