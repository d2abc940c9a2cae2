package dev.monitoringlab.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A class of a classifier: the code the {@code label} output carries and the name metrics and answers use. */
@JsonPropertyOrder({"label", "name"})
public record ClassSpec(@JsonProperty(value = "label", required = true) int label,
                        @JsonProperty(value = "name", required = true) String name) {
}
