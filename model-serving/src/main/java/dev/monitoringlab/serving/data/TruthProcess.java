package dev.monitoringlab.serving.data;

import java.util.SplittableRandom;

/**
 * How the true label follows from the inputs: standardise both inputs ({@code z = (x - mean) / sd} of the
 * training ranges), {@code logit = intercept + w_items z_items + w_customers z_customers + e} with
 * {@code e ~ N(0, 0.5)}, then {@code label ~ Bernoulli(sigmoid(logit))}. {@link #TRAINING} generated the
 * training data (customers matter more than stock); {@link #CONCEPT_DRIFT} is the world after a change the
 * inputs do not show: stock now decides and customers barely matter, so a model trained before the change is
 * wrong far more often (about 0.66 accuracy instead of 0.84) while its inputs look exactly as in training.
 */
public enum TruthProcess {
    TRAINING(-0.8, 1.5, 2.5),
    CONCEPT_DRIFT(-0.8, 3.0, 0.5);

    static final double NOISE_SD = 0.5;
    // mean and standard deviation of the training uniform ranges: (a+b)/2 and (b-a)/sqrt(12)
    private static final double ITEMS_MEAN = 1875;
    private static final double ITEMS_SD = 1750 / Math.sqrt(12);
    private static final double CUSTOMERS_MEAN = 900;
    private static final double CUSTOMERS_SD = 1400 / Math.sqrt(12);

    private final double intercept;
    private final double itemsWeight;
    private final double customersWeight;

    TruthProcess(double intercept, double itemsWeight, double customersWeight) {
        this.intercept = intercept;
        this.itemsWeight = itemsWeight;
        this.customersWeight = customersWeight;
    }

    /** Draws the true label (1 successful, 0 normal) of a day with these inputs. */
    public int label(int itemsCount, int customersCount, SplittableRandom random) {
        double logit = intercept
                + itemsWeight * (itemsCount - ITEMS_MEAN) / ITEMS_SD
                + customersWeight * (customersCount - CUSTOMERS_MEAN) / CUSTOMERS_SD
                + NOISE_SD * gaussian(random);
        return random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }

    /** Box-Muller, because SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble(); // (0, 1], so log() is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
