package dev.monitoringlab.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * {@code model.json}: the descriptor of one model of the repository, committed beside its training code and
 * readable without training. It holds what serving validates requests against and what the generated rules and
 * dashboards need: name, the version the build produces, inputs with their datatype and accepted range, outputs
 * and classes. What only training knows (the artifact, reference distributions, held-out metrics) is in each
 * version's {@code artifact.json} ({@link ModelArtifact}).
 */
@JsonPropertyOrder({"name", "version", "task", "description", "inputs", "outputs", "classes", "share_alert"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty(value = "task", required = true) Task task,
        @JsonProperty("description") String description,
        @JsonProperty(value = "inputs", required = true) List<InputSpec> inputs,
        @JsonProperty(value = "outputs", required = true) List<OutputSpec> outputs,
        @JsonProperty(value = "classes", required = true) List<ClassSpec> classes,
        @JsonProperty("share_alert") Boolean shareAlert) {

    public static final String FILE_NAME = "model.json";

    public enum Task {
        /** Two classes, codes 0 and 1; outputs {@code label} and {@code probability} (of class 1). */
        @JsonProperty("binary_classification") BINARY_CLASSIFICATION
    }

    public Optional<InputSpec> input(String inputName) {
        return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
    }

    public Optional<OutputSpec> output(String outputName) {
        return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
    }

    /** The name of the class with this code, e.g. {@code successful} for 1. */
    public String className(int label) {
        return classes.stream().filter(c -> c.label() == label).map(ClassSpec::name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model " + name + " has no class " + label));
    }

    /**
     * Whether StoreSuccessRateLow watches this model: {@code "share_alert": true} says that a share of class 1
     * below the setting store.success-threshold is a failure (the workshop's model: few successful stores). Off
     * by default: for many models a low share of class 1 is the normal state (few returned orders).
     */
    public boolean watchesShare() {
        return Boolean.TRUE.equals(shareAlert);
    }

    public List<String> inputNames() {
        return inputs.stream().map(InputSpec::name).toList();
    }
}
