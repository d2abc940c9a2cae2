package dev.monitoringlab.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.monitoringlab.serving.drift.ReferenceDistribution;
import java.util.List;
import java.util.Map;

/**
 * {@code descriptor.json} beside the model file: what the model expects and how good it was when trained.
 * It holds no timestamp, so two builds from the same sources write byte-identical descriptors.
 */
@JsonPropertyOrder({"name", "version", "model_file", "format", "features", "classes", "library", "library_version",
        "algorithm", "hyperparameters", "feature_scaling", "training_data", "split", "metrics", "reference"})
public record ModelDescriptor(
        String name,
        String version,
        @JsonProperty("model_file") String modelFile,
        String format,
        List<String> features,
        Map<String, String> classes,
        String library,
        @JsonProperty("library_version") String libraryVersion,
        String algorithm,
        Map<String, Object> hyperparameters,
        @JsonProperty("feature_scaling") String featureScaling,
        @JsonProperty("training_data") TrainingData trainingData,
        Split split,
        Metrics metrics,
        Reference reference) {

    public static final String FILE_NAME = "descriptor.json";
    public static final List<String> FEATURES = List.of("items_count", "customers_count");

    @JsonPropertyOrder({"file", "sha256", "rows", "generator_seed"})
    public record TrainingData(String file, String sha256, int rows,
                               @JsonProperty("generator_seed") Long generatorSeed) {
    }

    @JsonPropertyOrder({"rule", "train_rows", "test_rows"})
    public record Split(String rule, @JsonProperty("train_rows") int trainRows,
                        @JsonProperty("test_rows") int testRows) {
    }

    /** Measured on the held-out split. */
    @JsonPropertyOrder({"accuracy", "roc_auc"})
    public record Metrics(double accuracy, @JsonProperty("roc_auc") double rocAuc) {
    }

    /**
     * How the training rows spread, the baseline that drift is measured against: per input feature (in the order
     * of {@link #features()}) and for the predicted probability of the class successful, bins at the training
     * deciles with the share of training rows in each.
     */
    @JsonPropertyOrder({"bins_from", "inputs", "probability"})
    public record Reference(@JsonProperty("bins_from") String binsFrom, Map<String, ReferenceDistribution> inputs,
                            ReferenceDistribution probability) {
    }
}
