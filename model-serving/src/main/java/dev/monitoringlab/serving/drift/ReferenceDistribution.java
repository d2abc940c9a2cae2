package dev.monitoringlab.serving.drift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * How one quantity (an input feature, or the predicted probability) was spread in the training data: bins
 * cut at the training quantiles and the share of training rows in each. Bin {@code i} holds values
 * {@code <= upperBounds[i]} (and above the previous bound); the last bin is open above, so
 * {@code shares.length == upperBounds.length + 1}. Every share is above zero: a bin the training data left empty
 * would make the Population Stability Index infinite, so {@link #fromSample} floors it.
 */
@JsonPropertyOrder({"upper_bounds", "shares"})
public record ReferenceDistribution(@JsonProperty("upper_bounds") List<Double> upperBounds,
                                    @JsonProperty("shares") List<Double> shares) {
    /** The smallest share a bin gets, so an empty training bin still gives a finite score. */
    static final double MIN_SHARE = 1e-4;

    @JsonCreator
    public ReferenceDistribution {
        upperBounds = List.copyOf(upperBounds);
        shares = List.copyOf(shares);
        if (shares.size() != upperBounds.size() + 1) {
            throw new IllegalArgumentException("a reference distribution needs one share more than it has bounds, got "
                    + upperBounds.size() + " bounds and " + shares.size() + " shares");
        }
        for (int i = 1; i < upperBounds.size(); i++) {
            if (!(upperBounds.get(i) > upperBounds.get(i - 1))) {
                throw new IllegalArgumentException("bin bounds must increase: " + upperBounds);
            }
        }
        double sum = 0;
        for (double s : shares) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("every bin share must be above 0: " + shares);
            }
            sum += s;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("bin shares must add up to 1, got " + sum);
        }
    }

    /**
     * Bins at the {@code bins}-quantiles of {@code sample} (duplicate cut points merged, and none at the largest value, so a
     * discrete quantity gets fewer bins), with each bin's share of the sample, floored at {@link #MIN_SHARE} and renormalised.
     */
    public static ReferenceDistribution fromSample(double[] sample, int bins) {
        if (sample.length < bins || bins < 2) {
            throw new IllegalArgumentException("need at least " + Math.max(bins, 2) + " values for " + bins
                    + " bins, got " + sample.length);
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bins - 1];
        int n = 0;
        for (int q = 1; q < bins; q++) {
            double cut = sorted[(int) Math.ceil(q * (double) sorted.length / bins) - 1];
            // a cut at the largest value would leave the open top bin empty: values above it never occurred
            if ((n == 0 || cut > cuts[n - 1]) && cut < sorted[sorted.length - 1]) {
                cuts[n++] = round6(cut);
            }
        }
        double[] bounds = Arrays.copyOf(cuts, n);
        long[] counts = new long[n + 1];
        for (double v : sorted) {
            counts[binOf(bounds, v)]++;
        }
        double[] shares = new double[n + 1];
        double total = 0;
        for (int i = 0; i <= n; i++) {
            shares[i] = Math.max(MIN_SHARE, counts[i] / (double) sorted.length);
            total += shares[i];
        }
        Double[] boxedBounds = new Double[n];
        Double[] boxedShares = new Double[n + 1];
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            boxedShares[i] = i < n ? round6(shares[i] / total) : 0.0;
            sum += boxedShares[i];
            if (i < n) {
                boxedBounds[i] = bounds[i];
            }
        }
        boxedShares[n] = Math.max(MIN_SHARE, round6(1 - sum)); // the rounding rest, so the shares add up to 1
        return new ReferenceDistribution(List.of(boxedBounds), List.of(boxedShares));
    }

    public int bins() {
        return shares.size();
    }

    /** The bin a value falls in: the first whose upper bound is at least the value, else the open last bin. */
    public int binOf(double value) {
        int lo = 0;
        int hi = upperBounds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= upperBounds.get(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    double share(int bin) {
        return shares.get(bin);
    }

    private static int binOf(double[] bounds, double value) {
        int i = Arrays.binarySearch(bounds, value);
        return i >= 0 ? i : -i - 1;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
