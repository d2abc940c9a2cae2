package dev.monitoringlab.serving.data;

/** One row of the stores data set: a day of one store and whether it was a successful day (label 1). */
public record StoreRecord(int itemsCount, int customersCount, int label) {
}
