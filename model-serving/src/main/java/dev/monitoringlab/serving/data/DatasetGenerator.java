package dev.monitoringlab.serving.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the stores data set from a seed, so the same seed always gives the same file.
 *
 * <p>The label is drawn from {@link TruthProcess#TRAINING}, a logistic model with noise:
 * {@code logit = -0.8 + 1.5 z_items + 2.5 z_customers + e}. Customers matter more than stock, and about 4 in
 * 10 days are successful.
 */
public final class DatasetGenerator {
    public static final long DEFAULT_SEED = 20220727L;
    public static final int DEFAULT_ROWS = 5000;

    private DatasetGenerator() {
    }

    public static List<StoreRecord> generate(long seed, int rows) {
        if (rows < 10) {
            throw new IllegalArgumentException("rows must be at least 10, got " + rows);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<StoreRecord> records = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int items = InputDistribution.TRAINING.items(random);
            int customers = InputDistribution.TRAINING.customers(random);
            records.add(new StoreRecord(items, customers, TruthProcess.TRAINING.label(items, customers, random)));
        }
        return records;
    }
}
