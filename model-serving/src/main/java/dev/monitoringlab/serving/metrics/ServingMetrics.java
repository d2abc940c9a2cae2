package dev.monitoringlab.serving.metrics;

import dev.monitoringlab.http.HttpServer;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.repository.ServedVersion;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the service records, for every model of the repository: each call names the model and the version it is
 * about (empty strings for a request about no model). {@link #NONE} switches instrumentation off, for the
 * benchmark's comparison. As a {@link ModelRegistry.Listener} it learns which versions answer.
 */
public interface ServingMetrics extends ModelRegistry.Listener {

    /** {@code version} computed n records ({@code rows}: inputs in model.json's order, one record after another). */
    void predicted(ServedVersion version, double[] rows, int n, double[] probabilities);

    void request(String route, String model, String version, int status, long durationNanos);

    void rejected(String model, String version, RejectReason reason);

    /** A true label arrived: correct or wrong (with the delay since the prediction), or a duplicate. */
    void labelled(String model, String version, FeedbackStore.Outcome outcome, double delaySeconds);

    boolean enabled();

    /** Also reports the connections of the server the service runs on. */
    void connections(HttpServer server);

    /** Writes the exposition for the scraper's Accept header; returns the content type written. */
    String scrape(String acceptHeader, OutputStream out) throws IOException;

    ServingMetrics NONE = new ServingMetrics() {
        @Override
        public void predicted(ServedVersion version, double[] rows, int n, double[] probabilities) {
        }

        @Override
        public void request(String route, String model, String version, int status, long durationNanos) {
        }

        @Override
        public void rejected(String model, String version, RejectReason reason) {
        }

        @Override
        public void labelled(String model, String version, FeedbackStore.Outcome outcome, double delaySeconds) {
        }

        @Override
        public void loaded(ServedVersion version, ServedVersion replaced) {
        }

        @Override
        public void refused(String model, String version, String reason) {
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void connections(HttpServer server) {
        }

        @Override
        public String scrape(String acceptHeader, OutputStream out) {
            throw new IllegalStateException("metrics are switched off");
        }
    };
}
