package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiringModelTest {
    @Test
    void theLabsRuleFires135TimesAnHourByTheFormula() {
        FiringModel.Variant lab = new FiringModel.Variant("lab", 0.75, 0, 0);
        assertThat(FiringModel.analyticPerHour(lab, 5)).isCloseTo(720 * 0.25 * 0.75, within(1e-9));
    }

    @Test
    void simulationAgreesWithTheFormulaForEveryVariant() {
        for (FiringModel.Variant v : FiringModel.labVariants(0.75)) {
            FiringModel.Result r = FiringModel.simulate(v, 5, 500, 42);
            double expected = r.analyticPerHour();
            // 500 h: the relative standard error is well under 3 % for every variant with >= 4 episodes/h
            if (expected >= 4) {
                assertThat(r.episodesPerHour()).as(v.name()).isCloseTo(expected, within(expected * 0.05));
            }
        }
    }

    @Test
    void forAndKeepFiringForCutMessagesDifferently() {
        double none = FiringModel.simulate(new FiringModel.Variant("", 0.75, 0, 0), 5, 200, 1).episodesPerHour();
        double for10 = FiringModel.simulate(new FiringModel.Variant("", 0.75, 10, 0), 5, 200, 1).episodesPerHour();
        FiringModel.Result keep = FiringModel.simulate(new FiringModel.Variant("", 0.75, 0, 60), 5, 200, 1);
        assertThat(for10).isLessThan(none / 10);
        assertThat(keep.episodesPerHour()).isLessThan(none / 10);
        assertThat(keep.firingShare()).as("keep_firing_for keeps the alert up nearly all the time").isGreaterThan(0.9);
    }

    @Test
    void measuredTableComparesWithTheExpectation() {
        String md = FiringModel.measuredTable(Duration.ofMinutes(15), 180, 47, 35, 35, 35, 0.75,
                Duration.ofSeconds(5));
        assertThat(md).contains("| values scraped | 180 | 180 |")
                .contains("| values above 0.75 | 47 (26.1 %) | 45.00 (25 %) |")
                .contains("| firing episodes (ALERTS series) | 35 = 140 per hour | 33.75 = 135 per hour |")
                .contains("| Discord FIRING messages | 35 | 33.75 (one per episode) |")
                .contains("| Telegram FIRING messages (same route) | 35 | as many as Discord |");
        assertThat(FiringModel.measuredTable(Duration.ofMinutes(15), 180, 47, 35, -1, -1, 0.75, Duration.ofSeconds(5)))
                .contains("not recorded").doesNotContain("Telegram");
    }
}
