package dev.monitoringlab.models;

import java.util.List;

/**
 * The series the serving side exports for every model of the repository, by name, for the code that generates
 * rules and dashboards from the descriptors. The names keep the serving service's historic prefix
 * {@code store_model_} (its scrape job is {@code store_model}); every series of a model carries the labels
 * {@link #MODEL} and {@link #VERSION}. The module's README is the reference: types, labels and meaning.
 */
public final class MetricNames {
    /** Label: the model's name from model.json. */
    public static final String MODEL = "model";
    /** Label: the version folder that computed the answer. */
    public static final String VERSION = "version";
    /** Label of the per-input drift score (the name the store model's rules already use). */
    public static final String INPUT = "feature";
    /** Label of the per-output drift score. */
    public static final String OUTPUT = "output";

    public static final String PREDICTIONS = "store_model_predictions_total";
    public static final String PROBABILITY = "store_model_prediction_probability";
    public static final String HTTP_REQUESTS = "store_model_http_requests_total";
    public static final String HTTP_DURATION = "store_model_http_request_duration_seconds";
    public static final String REJECTED = "store_model_rejected_requests_total";
    public static final String INPUT_DRIFT = "store_model_input_drift_psi";
    public static final String OUTPUT_DRIFT = "store_model_output_drift_psi";
    public static final String DRIFT_WINDOW_RECORDS = "store_model_drift_window_records";
    public static final String LABELLED = "store_model_labelled_predictions_total";
    public static final String FEEDBACK_DUPLICATES = "store_model_feedback_duplicates_total";
    public static final String FEEDBACK_DELAY = "store_model_feedback_delay_seconds";
    public static final String HELDOUT_ACCURACY = "store_model_heldout_accuracy";
    public static final String INFO = "store_model_info";
    public static final String READY = "store_model_ready";
    public static final String LOADS = "store_model_version_loads_total";

    /** Every series above, for a check that a scrape holds them all. */
    public static final List<String> ALL = List.of(PREDICTIONS, PROBABILITY, HTTP_REQUESTS, HTTP_DURATION, REJECTED,
            INPUT_DRIFT, OUTPUT_DRIFT, DRIFT_WINDOW_RECORDS, LABELLED, FEEDBACK_DUPLICATES, FEEDBACK_DELAY,
            HELDOUT_ACCURACY, INFO, READY, LOADS);

    private MetricNames() {
    }
}
