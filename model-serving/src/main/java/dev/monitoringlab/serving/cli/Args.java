package dev.monitoringlab.serving.cli;

import dev.monitoringlab.settings.PromDuration;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments, checked against the flags a command declares. */
public final class Args {
    private final Map<String, String> values;
    private final Set<String> flags;

    private Args(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    public static Args parse(String[] argv, int from, Set<String> valueNames, Set<String> flagNames)
            throws UsageException {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            String name = a.startsWith("--") ? a.substring(2) : null;
            String inline = null;
            if (name != null && name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name != null && flagNames.contains(name) && inline == null) {
                flags.add(name);
            } else if (name != null && valueNames.contains(name)) {
                if (inline == null && i + 1 >= argv.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                values.put(name, inline != null ? inline : argv[++i]);
            } else {
                throw new UsageException("unknown argument '" + a + "'");
            }
        }
        return new Args(values, flags);
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public long number(String name, long defaultValue, long min, long max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    public double decimal(String name, double defaultValue, double min, double max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    public Duration duration(String name, Duration defaultValue) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            Duration d = PromDuration.parse(v);
            if (d.isZero()) {
                throw new UsageException("--" + name + " must be longer than 0s");
            }
            return d;
        } catch (RuntimeException e) {
            throw new UsageException("--" + name + " must be a duration like 30s or 2m, got '" + v + "'");
        }
    }
}
