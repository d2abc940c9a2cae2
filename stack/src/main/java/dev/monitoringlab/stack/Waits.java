package dev.monitoringlab.stack;

import java.time.Duration;

/** The one place that pauses between polls; every caller polls a real condition with a deadline. */
public final class Waits {
    private Waits() {
    }

    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
