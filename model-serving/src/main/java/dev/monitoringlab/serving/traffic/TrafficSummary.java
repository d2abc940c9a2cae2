package dev.monitoringlab.serving.traffic;

import java.time.Duration;
import java.util.Locale;

/**
 * What a scenario run did: requests sent, failed, the classes the service answered, and the true labels sent
 * back ({@code labelsCorrect}: those that matched the prediction, so the accuracy the service saw).
 */
public record TrafficSummary(String scenario, long sent, long errors, long normal, long successful, long labelsSent,
        long labelsFailed, long labelsCorrect, Duration took) {

    public long answered() {
        return normal + successful;
    }

    /** Share of successful predictions among the answered requests (0 when none was answered). */
    public double successfulShare() {
        return answered() == 0 ? 0 : (double) successful / answered();
    }

    /** Share of the labels the service accepted that matched the prediction (0 when none). */
    public double accuracy() {
        long counted = labelsSent - labelsFailed;
        return counted <= 0 ? 0 : (double) labelsCorrect / counted;
    }

    public String render() {
        long n = Math.max(1, answered());
        String text = String.format(Locale.ROOT, "scenario %s: %d requests sent in %.1f s, %d errors%n"
                        + "  normal     %7d (%5.1f %%)%n  successful %7d (%5.1f %%)%n",
                scenario, sent, took.toMillis() / 1000.0, errors, normal, 100.0 * normal / n,
                successful, 100.0 * successful / n);
        if (labelsSent > 0) {
            text += String.format(Locale.ROOT, "  labels sent %6d, refused %d, accuracy %.3f%n", labelsSent,
                    labelsFailed, accuracy());
        }
        return text;
    }
}
