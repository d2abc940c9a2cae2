package dev.monitoringlab.serving.repository;

/**
 * A loaded artifact: computes the probability of class 1 for a batch of records. {@code rows} holds the records
 * one after another, each with the model's inputs in the order of its model.json; thread-safe. {@link #close()}
 * frees what the artifact holds outside the heap (ONNX Runtime's session); it is called once no request uses it.
 */
public interface Predictor extends AutoCloseable {
    /** Fills {@code probabilities[0..n)} for the {@code n} records in {@code rows}. */
    void predict(double[] rows, int n, double[] probabilities);

    @Override
    void close();
}
