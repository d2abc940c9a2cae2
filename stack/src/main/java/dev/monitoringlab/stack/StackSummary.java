package dev.monitoringlab.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one summary the launcher prints once the stack is up: every service with its URL, then the scrape targets
 * as Prometheus sees them ({@code 5/5 up}), after waiting a bounded time for the first scrapes. A target still
 * down is named with Prometheus's own {@code lastError}, so the user sees why without opening the UI.
 */
public final class StackSummary {
    /** A service and where to reach it (or, for a client such as the traffic generator, what it does). */
    public record Service(String name, String where) {
    }

    /** The targets after the wait, and how long it took. */
    public record Targets(List<PrometheusApi.Target> targets, Duration waited) {
        public long up() {
            return targets.stream().filter(t -> t.health().equals("up")).count();
        }

        public boolean allUp() {
            return !targets.isEmpty() && up() == targets.size();
        }
    }

    private StackSummary() {
    }

    /**
     * Polls Prometheus until every active target has been scraped and is up, or {@code timeout} passes; returns
     * what it saw last either way (a target that stays down is the summary's business, not an error).
     */
    public static Targets awaitTargets(PrometheusApi prometheus, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        List<PrometheusApi.Target> last = List.of();
        while (true) {
            try {
                last = prometheus.targets();
            } catch (IllegalStateException notAnsweringYet) {
                last = List.of();
            }
            Targets t = new Targets(last, Duration.between(start, Instant.now()));
            if (t.allUp() || !Instant.now().isBefore(deadline)) {
                return t;
            }
            Waits.pause(Duration.ofMillis(500));
        }
    }

    public static String render(List<Service> services, Targets targets) {
        List<String> lines = new ArrayList<>();
        lines.add("stack: services");
        int width = services.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        services.forEach(s -> lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %s", s.name(), s.where())));
        lines.add(String.format(Locale.ROOT, "stack: targets %d/%d up (as Prometheus sees them, after %.1f s)",
                targets.up(), targets.targets().size(), targets.waited().toMillis() / 1000.0));
        int job = targets.targets().stream().mapToInt(t -> t.job().length()).max().orElse(0);
        int inst = targets.targets().stream().mapToInt(t -> t.instance().length()).max().orElse(0);
        for (PrometheusApi.Target t : targets.targets()) {
            String line = String.format(Locale.ROOT, "  %-4s  %-" + job + "s  %-" + inst + "s", t.health(), t.job(),
                    t.instance());
            if (!t.health().equals("up")) {
                line += "  " + (t.lastError().isBlank() ? "(not scraped yet)" : t.lastError());
            }
            lines.add(line.stripTrailing());
        }
        if (targets.targets().isEmpty()) {
            lines.add("  (Prometheus listed no targets)");
        }
        return String.join("\n", lines);
    }

    /** 1.0 as "1", 0.5 as "0.5". */
    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
