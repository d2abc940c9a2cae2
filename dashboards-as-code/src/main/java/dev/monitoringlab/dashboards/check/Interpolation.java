package dev.monitoringlab.dashboards.check;

import dev.monitoringlab.settings.PromDuration;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces Grafana's variables in an expression the way Grafana does before sending it to Prometheus:
 * {@code $__interval} is the query step, {@code $__rate_interval} is max(step + scrape interval, 4 x scrape
 * interval), {@code $__range} the time range, and {@code $name} / {@code ${name}} the dashboard's variables.
 */
public record Interpolation(Duration step, Duration scrapeInterval, Duration range, Map<String, String> variables) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    public Interpolation {
        variables = Map.copyOf(variables);
    }

    public Duration rateInterval() {
        Duration a = step.plus(scrapeInterval);
        Duration b = scrapeInterval.multipliedBy(4);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The expression ready for Prometheus; an unknown variable is an {@link IllegalArgumentException}. */
    public String apply(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "__rate_interval" -> PromDuration.format(rateInterval());
                case "__interval" -> PromDuration.format(step);
                case "__range" -> PromDuration.format(range);
                default -> variables.get(name);
            };
            if (value == null) {
                throw new IllegalArgumentException("unknown variable $" + name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
