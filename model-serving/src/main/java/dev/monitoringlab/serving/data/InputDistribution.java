package dev.monitoringlab.serving.data;

import java.util.SplittableRandom;

/**
 * Where the two model inputs come from. {@link #TRAINING} follows the workshop's training quantiles
 * (items 1000..2750, customers 200..1600, evenly spaced quantiles, hence uniform); {@link #FAULTY} is a drift
 * the model never saw: daily customers collapse to 50..600, far below most of the training data.
 */
public enum InputDistribution {
    TRAINING(1000, 2750, 200, 1600),
    FAULTY(1000, 2750, 50, 600);

    private final int itemsMin;
    private final int itemsMax;
    private final int customersMin;
    private final int customersMax;

    InputDistribution(int itemsMin, int itemsMax, int customersMin, int customersMax) {
        this.itemsMin = itemsMin;
        this.itemsMax = itemsMax;
        this.customersMin = customersMin;
        this.customersMax = customersMax;
    }

    public int items(SplittableRandom random) {
        return random.nextInt(itemsMin, itemsMax + 1);
    }

    public int customers(SplittableRandom random) {
        return random.nextInt(customersMin, customersMax + 1);
    }

    public String describe() {
        return "items_count uniform in [" + itemsMin + ", " + itemsMax + "], customers_count uniform in ["
                + customersMin + ", " + customersMax + "]";
    }
}
