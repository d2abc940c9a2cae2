package dev.monitoringlab.serving.explore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The numbers pandas' {@code df.describe()} prints for one column, computed the same way. */
public record Describe(long count, double mean, double std, double min, double q25, double median, double q75,
                       double max) {

    public static Describe of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to describe");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / sorted.length;
        double sq = 0;
        for (double v : sorted) {
            sq += (v - mean) * (v - mean);
        }
        // sample standard deviation (ddof = 1), as pandas reports it
        double std = sorted.length > 1 ? Math.sqrt(sq / (sorted.length - 1)) : Double.NaN;
        return new Describe(sorted.length, mean, std, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[sorted.length - 1]);
    }

    /** Linear interpolation between the closest ranks: pandas' and numpy's default. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** One table, statistics as rows and columns as columns, like {@code df.describe()}. */
    public static String table(Map<String, Describe> columns) {
        Map<String, java.util.function.ToDoubleFunction<Describe>> rows = new LinkedHashMap<>();
        rows.put("count", d -> d.count);
        rows.put("mean", Describe::mean);
        rows.put("std", Describe::std);
        rows.put("min", Describe::min);
        rows.put("25%", Describe::q25);
        rows.put("50%", Describe::median);
        rows.put("75%", Describe::q75);
        rows.put("max", Describe::max);
        int width = Math.max(12, columns.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-6s", ""));
        columns.keySet().forEach(name -> sb.append(String.format(Locale.ROOT, "%" + width + "s", name)));
        sb.append('\n');
        rows.forEach((label, f) -> {
            sb.append(String.format(Locale.ROOT, "%-6s", label));
            columns.values().forEach(d -> sb.append(String.format(Locale.ROOT, "%" + width + ".6f", f.applyAsDouble(d))));
            sb.append('\n');
        });
        return sb.toString();
    }
}
