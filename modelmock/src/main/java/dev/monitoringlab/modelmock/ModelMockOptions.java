package dev.monitoringlab.modelmock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The mock's command line: {@code --port}, {@code --interval}, {@code --seed}, {@code --values}, {@code --host}. */
public record ModelMockOptions(String host, int port, Duration interval, OptionalLong seed, Optional<List<Double>> values) {

    public static final String USAGE = "usage: modelmock [--port 9000] [--host 127.0.0.1] [--interval 5s] [--seed N]"
            + " [--values 0.2,0.9,...]";

    /** A command line that cannot be used; the message is the one line to print. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static ModelMockOptions defaults() {
        return new ModelMockOptions("127.0.0.1", 9000, Duration.ofSeconds(5), OptionalLong.empty(), Optional.empty());
    }

    public static ModelMockOptions parse(String... args) throws UsageException {
        ModelMockOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException(USAGE);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(flag.startsWith("--") ? flag + " needs a value" : "unexpected argument '" + flag + "'");
            }
            o = switch (flag) {
                case "--port" -> new ModelMockOptions(o.host, parsePort(value), o.interval, o.seed, o.values);
                case "--host" -> new ModelMockOptions(value, o.port, o.interval, o.seed, o.values);
                case "--interval" -> new ModelMockOptions(o.host, o.port, parseInterval(value), o.seed, o.values);
                case "--seed" -> new ModelMockOptions(o.host, o.port, o.interval, OptionalLong.of(parseSeed(value)), o.values);
                case "--values" -> new ModelMockOptions(o.host, o.port, o.interval, o.seed, Optional.of(parseValues(value)));
                default -> throw new UsageException("unknown flag '" + flag + "'; " + USAGE);
            };
        }
        return o;
    }

    private static int parsePort(String v) throws UsageException {
        try {
            int p = Integer.parseInt(v.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new UsageException("--port: '" + v + "' is not a port number 0-65535");
    }

    private static Duration parseInterval(String v) throws UsageException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(v.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
            if (d.toMillis() >= 10) {
                return d;
            }
        }
        throw new UsageException("--interval: '" + v + "' is not a duration of at least 10ms like 5s, 500ms or 1m");
    }

    private static long parseSeed(String v) throws UsageException {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: '" + v + "' is not a whole number");
        }
    }

    private static List<Double> parseValues(String v) throws UsageException {
        List<Double> out = new ArrayList<>();
        for (String part : v.split(",")) {
            double d;
            try {
                d = Double.parseDouble(part.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--values: '" + part.trim() + "' is not a number");
            }
            if (!(d >= 0 && d <= 1)) {
                throw new UsageException("--values: " + part.trim() + " is outside [0, 1]");
            }
            out.add(d);
        }
        return List.copyOf(out);
    }
}
