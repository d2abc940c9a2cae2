package dev.monitoringlab.serving.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceDistributionTest {

    @Test
    void uniformSampleGetsTenEqualBinsAtItsDeciles() {
        SplittableRandom random = new SplittableRandom(1);
        double[] sample = new double[10_000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextInt(200, 1601);
        }
        ReferenceDistribution r = ReferenceDistribution.fromSample(sample, 10);

        assertThat(r.bins()).isEqualTo(10);
        assertThat(r.upperBounds().get(0)).isCloseTo(340, within(15.0));
        assertThat(r.upperBounds().get(4)).isCloseTo(900, within(15.0));
        assertThat(r.shares()).allSatisfy(s -> assertThat(s).isCloseTo(0.1, within(0.01)));
        assertThat(r.shares().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void binOfPutsAValueOnABoundInTheLowerBinAndEverythingAboveTheLastBoundInTheOpenBin() {
        ReferenceDistribution r = new ReferenceDistribution(List.of(1.0, 2.0), List.of(0.3, 0.3, 0.4));

        assertThat(r.binOf(-5)).isZero();
        assertThat(r.binOf(1.0)).isZero();
        assertThat(r.binOf(1.0001)).isEqualTo(1);
        assertThat(r.binOf(2.0)).isEqualTo(1);
        assertThat(r.binOf(2.5)).isEqualTo(2);
        assertThat(r.binOf(1e9)).isEqualTo(2);
    }

    @Test
    void repeatedValuesMergeCutPointsInsteadOfMakingEmptyBins() {
        double[] sample = new double[100];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = i < 80 ? 0 : 1; // 80 % zeros: eight deciles fall on the same value
        }
        ReferenceDistribution r = ReferenceDistribution.fromSample(sample, 10);

        assertThat(r.upperBounds()).containsExactly(0.0);
        assertThat(r.shares()).containsExactly(0.8, 0.2);
    }

    @Test
    void everyShareIsAboveZeroSoTheIndexStaysFinite() {
        ReferenceDistribution r = new ReferenceDistribution(List.of(1.0), List.of(0.9999, 0.0001));
        assertThat(Psi.score(r, new long[] {0, 1000})).isFinite().isGreaterThan(Psi.SIGNIFICANT);
    }

    @Test
    void refusesSharesThatDoNotFitTheBounds() {
        assertThatThrownBy(() -> new ReferenceDistribution(List.of(1.0), List.of(1.0)))
                .hasMessageContaining("one share more than it has bounds");
        assertThatThrownBy(() -> new ReferenceDistribution(List.of(2.0, 1.0), List.of(0.3, 0.3, 0.4)))
                .hasMessageContaining("must increase");
        assertThatThrownBy(() -> new ReferenceDistribution(List.of(1.0), List.of(0.5, 0.6)))
                .hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> new ReferenceDistribution(List.of(1.0), List.of(1.0, 0.0)))
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> ReferenceDistribution.fromSample(new double[3], 10))
                .hasMessageContaining("need at least 10 values");
    }
}
