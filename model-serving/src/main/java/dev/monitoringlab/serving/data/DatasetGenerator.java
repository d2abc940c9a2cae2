package dev.monitoringlab.serving.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the stores data set from a seed, so the same seed always gives the same file.
 *
 * <p>The label is drawn from a logistic model with noise: standardise both inputs
 * ({@code z = (x - mean) / sd} of the uniform ranges), {@code logit = -0.8 + 1.5 z_items + 2.5 z_customers + e}
 * with {@code e ~ N(0, 0.5)}, then {@code label ~ Bernoulli(sigmoid(logit))}. Customers matter more than
 * stock, and about 4 in 10 days are successful.
 */
public final class DatasetGenerator {
    public static final long DEFAULT_SEED = 20220727L;
    public static final int DEFAULT_ROWS = 5000;

    static final double INTERCEPT = -0.8;
    static final double ITEMS_WEIGHT = 1.5;
    static final double CUSTOMERS_WEIGHT = 2.5;
    static final double NOISE_SD = 0.5;

    // mean and standard deviation of the training uniform ranges: (a+b)/2 and (b-a)/sqrt(12)
    private static final double ITEMS_MEAN = 1875;
    private static final double ITEMS_SD = 1750 / Math.sqrt(12);
    private static final double CUSTOMERS_MEAN = 900;
    private static final double CUSTOMERS_SD = 1400 / Math.sqrt(12);

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
            double logit = INTERCEPT
                    + ITEMS_WEIGHT * (items - ITEMS_MEAN) / ITEMS_SD
                    + CUSTOMERS_WEIGHT * (customers - CUSTOMERS_MEAN) / CUSTOMERS_SD
                    + NOISE_SD * gaussian(random);
            int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            records.add(new StoreRecord(items, customers, label));
        }
        return records;
    }

    /** Box-Muller, because SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble(); // (0, 1], so log() is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
