package dev.monitoringlab.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * {@code artifact.json} in a version folder ({@code <model>/<version>/}): written by training, never by hand.
 * Which file holds the model and in which format, its SHA-256 (checked before loading), what made it, its
 * quality on held-out data, and the reference distributions of every input and output that drift is measured
 * against, so the drift baseline always belongs to the version that computes the answers.
 */
@JsonPropertyOrder({"format", "file", "sha256", "library", "library_version", "algorithm", "training", "metrics",
        "reference"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelArtifact(
        @JsonProperty(value = "format", required = true) Format format,
        @JsonProperty(value = "file", required = true) String file,
        @JsonProperty(value = "sha256", required = true) String sha256,
        @JsonProperty("library") String library,
        @JsonProperty("library_version") String libraryVersion,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("training") Map<String, Object> training,
        @JsonProperty(value = "metrics", required = true) Metrics metrics,
        @JsonProperty(value = "reference", required = true) Reference reference) {

    public static final String FILE_NAME = "artifact.json";

    public enum Format {
        /** Tribuo's protobuf model file ({@code Model.deserializeFromFile}). */
        @JsonProperty("tribuo") TRIBUO,
        /** An ONNX graph, run with ONNX Runtime. */
        @JsonProperty("onnx") ONNX
    }

    /** Quality on the held-out rows at training. */
    @JsonPropertyOrder({"accuracy", "roc_auc", "heldout_rows"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metrics(@JsonProperty(value = "accuracy", required = true) double accuracy,
                          @JsonProperty("roc_auc") Double rocAuc,
                          @JsonProperty("heldout_rows") Integer heldoutRows) {
    }

    /** The training spread of every input and every output, by name. */
    @JsonPropertyOrder({"bins_from", "inputs", "outputs"})
    public record Reference(@JsonProperty("bins_from") String binsFrom,
                            @JsonProperty(value = "inputs", required = true) Map<String, Distribution> inputs,
                            @JsonProperty(value = "outputs", required = true) Map<String, Distribution> outputs) {
    }
}
