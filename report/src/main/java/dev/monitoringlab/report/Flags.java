package dev.monitoringlab.report;

import dev.monitoringlab.settings.PromDuration;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} or {@code --name=value} flags, only the allowed names. */
final class Flags {
    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    static Flags parse(String[] args, String... allowed) throws UsageException {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                name = a.substring(2);
                value = args[++i];
            } else {
                throw new UsageException("flag " + a + " needs a value");
            }
            if (!List.of(allowed).contains(name)) {
                throw new UsageException("unknown flag --" + name + " (allowed: --" + String.join(", --", allowed) + ")");
            }
            out.put(name, value);
        }
        return new Flags(out);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    long number(String name, long dflt, long min, long max) throws UsageException {
        if (!has(name)) {
            return dflt;
        }
        try {
            long v = Long.parseLong(values.get(name).trim());
            if (v < min || v > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + values.get(name) + "'");
        }
    }

    Duration duration(String name, String dflt) throws UsageException {
        String v = values.getOrDefault(name, dflt);
        try {
            Duration d = PromDuration.parse(v);
            if (d.isZero()) {
                throw new UsageException("--" + name + " must be longer than 0s");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }
}
