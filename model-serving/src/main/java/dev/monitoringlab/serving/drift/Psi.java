package dev.monitoringlab.serving.drift;

/**
 * The Population Stability Index of recent counts against a reference distribution:
 * {@code sum over bins (actual - expected) * ln(actual / expected)}, with shares, not counts. Read as usual:
 * below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25 significant shift.
 */
public final class Psi {
    /** Below this the distribution is read as stable. */
    public static final double MODERATE = 0.1;
    /** Above this the shift is read as significant. */
    public static final double SIGNIFICANT = 0.25;
    /**
     * Added to every bin's count before shares are taken (additive smoothing): an empty recent bin then gives a
     * large but finite term instead of an infinite one, and a handful of records cannot swing the score to
     * infinity. Half a record is the usual choice (Jeffreys prior).
     */
    static final double PSEUDO_COUNT = 0.5;

    private Psi() {
    }

    /** The index of {@code counts} (one per bin of {@code reference}) against it; 0 when there are no counts. */
    public static double score(ReferenceDistribution reference, long[] counts) {
        if (counts.length != reference.bins()) {
            throw new IllegalArgumentException("expected " + reference.bins() + " bin counts, got " + counts.length);
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        double denominator = total + PSEUDO_COUNT * counts.length;
        double psi = 0;
        for (int i = 0; i < counts.length; i++) {
            double actual = (counts[i] + PSEUDO_COUNT) / denominator;
            double expected = reference.share(i);
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }
}
