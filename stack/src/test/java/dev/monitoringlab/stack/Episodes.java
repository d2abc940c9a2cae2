package dev.monitoringlab.stack;

import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The model mock's alert episodes, read from its log (an episode starts when the mock goes above the threshold and
 * lasts as long as it stays there), and the Discord messages each episode brought; plus the timeline the HA tests
 * print.
 */
final class Episodes {
    static final String ALERT = "ModelMockHighAccuracy";

    private final Path mockLog;
    private final double threshold;
    private final FakeDiscord discord;
    private final Instant origin = Instant.now();
    /** Sorted, and a line recorded twice (an episode looked at twice) is printed once. */
    private final java.util.SortedSet<String> timeline = new java.util.TreeSet<>();

    Episodes(Path mockLog, double threshold, FakeDiscord discord) {
        this.mockLog = mockLog;
        this.threshold = threshold;
        this.discord = discord;
    }

    /** When the mock went above the threshold, and for how many of its consecutive values it stayed there. */
    record Crossing(Instant at, int values) {
    }

    /** One episode: its crossing and the FIRING messages that arrived before the next one. */
    record Episode(Crossing crossing, List<Message> messages) {
        int count() {
            return messages.size();
        }

        /** Above the threshold for one value only: each replica sees it in one scrape, maybe not at the same time. */
        boolean spike() {
            return crossing.values() == 1;
        }
    }

    /** The mock's crossings of the threshold, from its ISO-8601 log lines (one per value it sets). */
    List<Crossing> crossings() {
        List<Crossing> out = new ArrayList<>();
        try {
            Instant start = null;
            int run = 0;
            for (String line : logLines()) {
                String[] parts = line.split(" model_result=");
                if (parts.length != 2) {
                    continue;
                }
                if (Double.parseDouble(parts[1]) > threshold) {
                    start = run == 0 ? Instant.parse(parts[0]) : start;
                    run++;
                } else if (run > 0) {
                    out.add(new Crossing(start, run));
                    run = 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The lines of the mock's log and, after it, of each later run's ({@code modelmock.2.log} ...: the highly
     * available stack gives every run of a process a log of its own), so a restarted mock's values count too.
     */
    private List<String> logLines() throws IOException {
        String stem = mockLog.getFileName().toString().replaceFirst("\\.log$", "");
        List<String> out = new ArrayList<>(Files.readAllLines(mockLog));
        for (int run = 2; Files.exists(mockLog.resolveSibling(stem + "." + run + ".log")); run++) {
            out.addAll(Files.readAllLines(mockLog.resolveSibling(stem + "." + run + ".log")));
        }
        return out;
    }

    List<Message> firing() {
        return discord.messages().stream().filter(m -> FakeDiscord.title(m).startsWith("[FIRING")
                && FakeDiscord.title(m).contains(ALERT)).toList();
    }

    /**
     * Waits for {@code n} complete episodes that start after {@code after}: an episode is complete when the next
     * crossing has happened, by which time a late duplicate (the second peer sends after its peer timeout, shorter
     * than the mock's period) would have arrived too.
     */
    List<Episode> await(int n, Instant after, Duration timeout) {
        awaitTrue(() -> crossingsAfter(after).size() > n, timeout, n + " episodes of " + ALERT + " after " + after);
        List<Crossing> c = crossingsAfter(after);
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant from = c.get(i).at();
            Instant to = c.get(i + 1).at();
            List<Message> in = firing().stream().filter(m -> !m.receivedAt().isBefore(from) && m.receivedAt().isBefore(to))
                    .toList();
            out.add(new Episode(c.get(i), in));
            event(from, "mock above the threshold for " + c.get(i).values() + " value(s); " + in.size()
                    + " FIRING message(s)" + (in.isEmpty() ? "" : ", first after " + millis(from, in.get(0).receivedAt())
                    + " ms"));
            in.forEach(m -> event(m.receivedAt(), "  message: " + FakeDiscord.title(m)));
        }
        return out;
    }

    /** Crossings that start after {@code after} and have ended (the mock is back under the threshold). */
    private List<Crossing> crossingsAfter(Instant after) {
        return crossings().stream().filter(t -> t.at().isAfter(after)).toList();
    }

    /** Latency of the first message of each notified episode, in milliseconds. */
    static List<Long> latencies(List<Episode> episodes) {
        return episodes.stream().filter(e -> e.count() > 0).map(e -> millis(e.crossing().at(), e.messages().get(0).receivedAt()))
                .toList();
    }

    static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    void event(String what) {
        event(Instant.now(), what);
    }

    synchronized void event(Instant at, String what) {
        timeline.add(String.format(java.util.Locale.ROOT, "%8.1f s  %s", millis(origin, at) / 1000.0, what));
    }

    /** Prints the events since the last print, in time order, under {@code title}. */
    synchronized void print(String title) {
        System.out.println("--- timeline: " + title + " (seconds since the stack started)");
        timeline.forEach(System.out::println);
        timeline.clear();
    }

    /** Polls {@code condition} every 200 ms; fails naming {@code what} after {@code timeout}. */
    static Instant awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return Instant.now();
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
    }
}
