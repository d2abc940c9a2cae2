package dev.monitoringlab.modelmock;

import java.util.List;
import java.util.SplittableRandom;

/** Where the mock's values come from: uniform random values, or a fixed sequence played in a loop. */
public interface ValueSource {
    double next();

    static ValueSource uniform(SplittableRandom random) {
        return random::nextDouble;
    }

    static ValueSource cycling(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to cycle through");
        }
        int[] i = {0};
        return () -> values.get(i[0]++ % values.size());
    }
}
