package dev.monitoringlab.settings;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus-style durations ("5s", "1m30s", "500ms"): parsed into {@link Duration}, written back the same way. */
public final class PromDuration {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");

    private PromDuration() {
    }

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 5s, 1m30s or 500ms");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(trimmed);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
            });
        }
        return total;
    }

    /** The shortest Prometheus form: 180s becomes "3m", 90s "1m30s", 28 days "28d", zero "0s". */
    public static String format(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration " + d);
        }
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        StringBuilder sb = new StringBuilder();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            long n = ms / sizes[i];
            if (n > 0) {
                sb.append(n).append(units[i]);
                ms -= n * sizes[i];
            }
        }
        return sb.toString();
    }
}
