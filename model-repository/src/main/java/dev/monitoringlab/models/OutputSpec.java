package dev.monitoringlab.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One output tensor of the infer response, shape {@code [n]} for n records. For a binary classifier the outputs
 * are {@code label} (INT64, the code of the predicted class) and {@code probability} (FP32 or FP64 in [0, 1], the
 * probability of the class with code 1); {@code min}/{@code max} give the range an output can take.
 */
@JsonPropertyOrder({"name", "datatype", "description", "min", "max"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "datatype", required = true) String datatype,
        @JsonProperty("description") String description,
        @JsonProperty("min") Double min,
        @JsonProperty("max") Double max) {

    public Datatype type() {
        return Datatype.parse(datatype);
    }
}
