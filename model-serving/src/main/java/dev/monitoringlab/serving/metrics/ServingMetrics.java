package dev.monitoringlab.serving.metrics;

import dev.monitoringlab.http.HttpServer;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.model.Prediction;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.repository.ServedVersion;
import java.io.IOException;
import java.io.OutputStream;

/** What the service records. {@link #NONE} switches instrumentation off, for the benchmark's comparison. */
public interface ServingMetrics extends ModelRegistry.Listener {

    void prediction(int itemsCount, int customersCount, Prediction prediction);

    void request(String route, int status, long durationNanos);

    /** An Open Inference Protocol request computed n records with this version. */
    void inferred(ServedVersion version, double[] rows, int n, double[] probabilities);

    void rejected(RejectReason reason);

    /** A true label arrived: correct or wrong (with the delay since the prediction), or a duplicate. */
    void labelled(FeedbackStore.Outcome outcome, double delaySeconds);

    boolean enabled();

    /** Also reports the connections of the server the service runs on. */
    void connections(HttpServer server);

    /** Writes the exposition for the scraper's Accept header; returns the content type written. */
    String scrape(String acceptHeader, OutputStream out) throws IOException;

    ServingMetrics NONE = new ServingMetrics() {
        @Override
        public void prediction(int itemsCount, int customersCount, Prediction prediction) {
        }

        @Override
        public void request(String route, int status, long durationNanos) {
        }

        @Override
        public void rejected(RejectReason reason) {
        }

        @Override
        public void inferred(ServedVersion version, double[] rows, int n, double[] probabilities) {
        }

        @Override
        public void loaded(ServedVersion version, ServedVersion replaced) {
        }

        @Override
        public void refused(String model, String version, String reason) {
        }

        @Override
        public void labelled(FeedbackStore.Outcome outcome, double delaySeconds) {
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
