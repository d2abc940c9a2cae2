package dev.monitoringlab.serving.model;

/** One prediction: the class and the probability of {@link StoreClass#SUCCESSFUL}. */
public record Prediction(StoreClass storeClass, double probability) {
}
