package dev.monitoringlab.serving.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PsiTest {
    private static final ReferenceDistribution QUARTERS =
            new ReferenceDistribution(List.of(1.0, 2.0, 3.0), List.of(0.25, 0.25, 0.25, 0.25));

    @Test
    void trafficSpreadLikeTheReferenceScoresNearZero() {
        assertThat(Psi.score(QUARTERS, new long[] {250, 250, 250, 250})).isCloseTo(0, within(1e-9));
        assertThat(Psi.score(QUARTERS, new long[] {240, 260, 255, 245})).isLessThan(Psi.MODERATE);
    }

    @Test
    void matchesTheFormulaOnAKnownShift() {
        // shares 0.4, 0.3, 0.2, 0.1 against 0.25 each, before smoothing: sum (a - e) ln(a / e) = 0.2282
        double expected = (0.4 - 0.25) * Math.log(0.4 / 0.25) + (0.3 - 0.25) * Math.log(0.3 / 0.25)
                + (0.2 - 0.25) * Math.log(0.2 / 0.25) + (0.1 - 0.25) * Math.log(0.1 / 0.25);
        assertThat(Psi.score(QUARTERS, new long[] {400_000, 300_000, 200_000, 100_000})).isCloseTo(expected, within(1e-5));
        assertThat(expected).isBetween(Psi.MODERATE, Psi.SIGNIFICANT);
    }

    @Test
    void everythingInOneBinIsSignificantButFinite() {
        double psi = Psi.score(QUARTERS, new long[] {0, 0, 0, 1000});
        assertThat(psi).isFinite().isGreaterThan(Psi.SIGNIFICANT);
    }

    @Test
    void aHandfulOfRecordsCannotReachInfinityAndNoRecordsScoreZero() {
        assertThat(Psi.score(QUARTERS, new long[] {0, 0, 0, 3})).isFinite();
        assertThat(Psi.score(QUARTERS, new long[] {0, 0, 0, 0})).isZero();
    }
}
