package dev.monitoringlab.serving.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.serving.data.InputDistribution;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    private final AtomicLong now = new AtomicLong(0);

    private DriftMonitor monitorFromTraining() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 4000;
        double[] items = new double[n];
        double[] customers = new double[n];
        double[] probability = new double[n];
        for (int i = 0; i < n; i++) {
            items[i] = InputDistribution.TRAINING.items(random);
            customers[i] = InputDistribution.TRAINING.customers(random);
            probability[i] = customers[i] / 1600.0;
        }
        Map<String, ReferenceDistribution> inputs = new LinkedHashMap<>();
        inputs.put("items_count", ReferenceDistribution.fromSample(items, 10));
        inputs.put("customers_count", ReferenceDistribution.fromSample(customers, 10));
        return new DriftMonitor(inputs, ReferenceDistribution.fromSample(probability, 10), Duration.ofMinutes(5),
                now::get);
    }

    private static void send(DriftMonitor m, InputDistribution d, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            double customers = d.customers(random);
            m.observe(new double[] {d.items(random), customers}, customers / 1600.0);
        }
    }

    @Test
    void trainingLikeTrafficIsStableOnEveryQuantity() {
        DriftMonitor m = monitorFromTraining();
        send(m, InputDistribution.TRAINING, 2000, 11);

        assertThat(m.inputScores()).allSatisfy(s -> {
            assertThat(s.psi()).isLessThan(Psi.MODERATE);
            assertThat(s.records()).isEqualTo(2000);
        });
        assertThat(m.outputScore().psi()).isLessThan(Psi.MODERATE);
    }

    @Test
    void theFaultyScenarioShiftsCustomersAndTheOutputButNotItems() {
        DriftMonitor m = monitorFromTraining();
        send(m, InputDistribution.FAULTY, 2000, 12);

        assertThat(m.inputScores().get(0).name()).isEqualTo("items_count");
        assertThat(m.inputScores().get(0).psi()).isLessThan(Psi.MODERATE);
        assertThat(m.inputScores().get(1).name()).isEqualTo("customers_count");
        assertThat(m.inputScores().get(1).psi()).isGreaterThan(Psi.SIGNIFICANT);
        assertThat(m.outputScore().psi()).isGreaterThan(Psi.SIGNIFICANT);
    }

    @Test
    void oldFaultyTrafficIsForgottenOnceTheWindowHasPassed() {
        DriftMonitor m = monitorFromTraining();
        send(m, InputDistribution.FAULTY, 2000, 13);
        now.addAndGet(Duration.ofMinutes(5).toMillis());
        send(m, InputDistribution.TRAINING, 2000, 14);

        assertThat(m.inputScores().get(1).psi()).isLessThan(Psi.MODERATE);
        assertThat(m.inputScores().get(1).records()).isEqualTo(2000);
    }
}
