package dev.monitoringlab.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One input of a model, sent as one tensor of the infer request (shape {@code [n]} or {@code [n, 1]} for n
 * records). {@code min} and {@code max} bound what the service accepts (inclusive): a value outside is refused
 * with a 400, not extrapolated. {@code categories} (integer code to name), when present, is the complete list of
 * accepted values; its codes must lie within the range.
 */
@JsonPropertyOrder({"name", "datatype", "kind", "description", "unit", "min", "max", "categories"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "datatype", required = true) String datatype,
        @JsonProperty(value = "kind", required = true) Kind kind,
        @JsonProperty("description") String description,
        @JsonProperty("unit") String unit,
        @JsonProperty(value = "min", required = true) Double min,
        @JsonProperty(value = "max", required = true) Double max,
        @JsonProperty("categories") Map<String, String> categories) {

    /** What the number means, which decides how dashboards show it and how drift bins it. */
    public enum Kind {
        /** A whole number of things (items, customers, days): integral datatype, min >= 0. */
        @JsonProperty("count") COUNT,
        /** A share in [0, 1]. */
        @JsonProperty("ratio") RATIO,
        /** A category encoded as an integer code, listed in {@code categories}. */
        @JsonProperty("category") CATEGORY,
        /** Any other measured number. */
        @JsonProperty("real") REAL
    }

    public Datatype type() {
        return Datatype.parse(datatype);
    }

    /** Whether a value is accepted for this input: of the datatype, within [min, max] and a listed category. */
    public boolean accepts(double value) {
        if (!type().holds(value) || value < min || value > max) {
            return false;
        }
        return categories == null || categories.containsKey(Long.toString((long) value));
    }
}
