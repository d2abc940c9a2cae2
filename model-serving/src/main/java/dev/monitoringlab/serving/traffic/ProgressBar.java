package dev.monitoringlab.serving.traffic;

import java.io.PrintStream;
import java.util.Locale;

/** One self-overwriting status line on stderr: bar, percentage, counts and the running successful share. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    void update(long done, long total, long errors, long successful, long answered, boolean force) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        out.print(String.format(Locale.ROOT, "\r[%s%s] %3d%% %d/%d sent, %d errors, successful %.1f %%",
                "#".repeat(filled), ".".repeat(WIDTH - filled), total == 0 ? 100 : 100 * done / total, done, total,
                errors, answered == 0 ? 0.0 : 100.0 * successful / answered));
        out.flush();
    }

    void finish() {
        if (out != null) {
            out.println();
        }
    }
}
