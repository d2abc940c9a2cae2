package dev.monitoringlab.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How often an alert like ModelMockHighAccuracy fires on the mock's uniform random values (lab 7.5.3, alert fatigue):
 * the closed form, a simulation of Prometheus's rule evaluation (inactive -> pending -> firing, {@code for},
 * {@code keep_firing_for}), and the table comparing both with what a live run measured.
 */
public final class FiringModel {
    private FiringModel() {
    }

    /** One rule variant: fires when value > threshold for {@code forSec}, stays firing {@code keepFiringSec} after. */
    public record Variant(String name, double threshold, int forSec, int keepFiringSec) {
    }

    /** Simulated firing episodes (= Discord messages with send_resolved false) per hour, and firing share. */
    public record Result(Variant variant, double episodesPerHour, double analyticPerHour, double firingShare) {
    }

    /**
     * Expected firing episodes per hour for values that are fresh every {@code evalSec} (scrape = evaluation
     * interval) and exceed the threshold with probability p = 1 - threshold. Without keep_firing_for, an episode is
     * a run of k = for/eval + 1 or more values above the threshold, preceded by one below: n (1 - p) p^k per hour.
     * With keep_firing_for K, runs closer than m = K/eval + 1 values merge into one episode; the count is the
     * number of gaps of at least m values below after a value above, n p (1 - p)^m, for {@code for} = 0.
     */
    public static double analyticPerHour(Variant v, int evalSec) {
        double n = 3600.0 / evalSec;
        double p = 1 - v.threshold();
        double q = 1 - p;
        if (v.keepFiringSec() > 0) {
            if (v.forSec() > 0) {
                return Double.NaN;
            }
            int m = v.keepFiringSec() / evalSec + 1;
            return n * p * Math.pow(q, m);
        }
        int k = v.forSec() / evalSec + 1;
        return n * q * Math.pow(p, k);
    }

    /**
     * Prometheus's alerting state machine (rules/alerting.go), one evaluation per value: whether the alert is firing
     * after each evaluation. A promtool test checks this against Prometheus itself.
     */
    public static boolean[] firingStates(Variant v, int evalSec, double[] values) {
        boolean[] out = new boolean[values.length];
        boolean pending = false;
        boolean firing = false;
        long activeAt = 0;
        long keepSince = -1;
        for (int i = 0; i < values.length; i++) {
            long t = (long) i * evalSec;
            if (values[i] > v.threshold()) {
                keepSince = -1;
                if (!pending && !firing) {
                    pending = true;
                    activeAt = t;
                }
                if (pending && t - activeAt >= v.forSec()) {
                    pending = false;
                    firing = true;
                }
            } else if (firing && v.keepFiringSec() > 0) {
                if (keepSince < 0) {
                    keepSince = t;
                }
                if (t - keepSince >= v.keepFiringSec()) {
                    firing = false;
                    keepSince = -1;
                }
            } else {
                pending = false;
                firing = false;
            }
            out[i] = firing;
        }
        return out;
    }

    /** Uniform random values in [0, 1), as the mock draws them. */
    public static double[] uniformValues(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble();
        }
        return out;
    }

    /** {@code hours} hours of the mock's values through the state machine: episodes per hour and firing share. */
    public static Result simulate(Variant v, int evalSec, int hours, long seed) {
        boolean[] firing = firingStates(v, evalSec, uniformValues(hours * 3600 / evalSec, seed));
        long episodes = 0;
        long firingEvals = 0;
        for (int i = 0; i < firing.length; i++) {
            if (firing[i] && (i == 0 || !firing[i - 1])) {
                episodes++;
            }
            if (firing[i]) {
                firingEvals++;
            }
        }
        return new Result(v, episodes / (double) hours, analyticPerHour(v, evalSec), firingEvals / (double) firing.length);
    }

    public static List<Variant> labVariants(double threshold) {
        return List.of(new Variant("lab rule: no for", threshold, 0, 0),
                new Variant("for: 5s", threshold, 5, 0),
                new Variant("for: 10s", threshold, 10, 0),
                new Variant("for: 30s", threshold, 30, 0),
                new Variant("keep_firing_for: 10s", threshold, 0, 10),
                new Variant("keep_firing_for: 1m", threshold, 0, 60),
                new Variant("threshold 0.95, no for", 0.95, 0, 0));
    }

    public static String simulationTable(List<Result> results, int evalSec, int hours, long seed) {
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.variant().name(), fmt(r.variant().threshold()), fmt(r.analyticPerHour()),
                    fmt(r.episodesPerHour()), String.format(Locale.ROOT, "%.1f %%", r.firingShare() * 100)));
        }
        return "Simulated " + hours + " h of uniform random values every " + evalSec + " s (seed " + seed
                + "), one rule evaluation per value. With send_resolved: false and group_by ['...'], every firing"
                + " episode is exactly one Discord message.\n\n"
                + Markdown.table(List.of("rule variant", "threshold", "firing episodes / h (formula)",
                "firing episodes / h (simulated)", "time spent firing"), rows);
    }

    /** What a live run measured over {@code window}, next to what the formula expects. */
    public static String measuredTable(Duration window, long values, long above, int episodes, long discordMessages,
                                       long telegramMessages, double threshold, Duration scrape) {
        double hours = window.toSeconds() / 3600.0;
        double p = 1 - threshold;
        double expectedValues = window.toSeconds() / (double) scrape.toSeconds();
        Variant lab = new Variant("lab", threshold, 0, 0);
        double perHour = analyticPerHour(lab, (int) scrape.toSeconds());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("values scraped", String.valueOf(values), fmt(expectedValues)));
        rows.add(List.of("values above " + threshold, above + (values > 0 ? String.format(Locale.ROOT, " (%.1f %%)",
                100.0 * above / values) : ""), fmt(expectedValues * p) + String.format(Locale.ROOT, " (%.0f %%)", p * 100)));
        rows.add(List.of("firing episodes (ALERTS series)", episodes + String.format(Locale.ROOT, " = %.0f per hour",
                episodes / hours), fmt(perHour * hours) + " = " + fmt(perHour) + " per hour"));
        rows.add(List.of("Discord FIRING messages", discordMessages < 0 ? "not recorded (no --messages)"
                : String.valueOf(discordMessages), fmt(perHour * hours) + " (one per episode)"));
        if (telegramMessages > 0) {
            rows.add(List.of("Telegram FIRING messages (same route)", String.valueOf(telegramMessages),
                    "as many as Discord"));
        }
        return "Window " + AlertTimeline.human(window) + ", threshold " + threshold + ", scrape and evaluation every "
                + AlertTimeline.human(scrape) + ".\n\n" + Markdown.table(List.of("quantity", "measured", "expected"), rows);
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.2f", d);
    }
}
