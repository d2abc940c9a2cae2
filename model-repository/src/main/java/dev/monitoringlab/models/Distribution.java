package dev.monitoringlab.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How one input or output was spread in the training data, the baseline drift is measured against: bin
 * {@code i} holds values {@code <= upper_bounds[i]} (and above the previous bound), the last bin is open above,
 * and {@code shares} gives each bin's share of the training rows (one more share than bounds, each above 0,
 * adding up to 1).
 */
@JsonPropertyOrder({"upper_bounds", "shares"})
public record Distribution(@JsonProperty(value = "upper_bounds", required = true) List<Double> upperBounds,
                           @JsonProperty(value = "shares", required = true) List<Double> shares) {

    /** Null when valid, else what is wrong, in a few words. */
    String problem() {
        if (upperBounds == null || shares == null) {
            return "needs upper_bounds and shares";
        }
        if (shares.size() != upperBounds.size() + 1) {
            return "needs one share more than bounds, got " + upperBounds.size() + " bounds and " + shares.size()
                    + " shares";
        }
        for (int i = 1; i < upperBounds.size(); i++) {
            if (!(upperBounds.get(i) > upperBounds.get(i - 1))) {
                return "upper_bounds must increase: " + upperBounds;
            }
        }
        double sum = 0;
        for (Double s : shares) {
            if (s == null || !(s > 0)) {
                return "every share must be above 0: " + shares;
            }
            sum += s;
        }
        return Math.abs(sum - 1) > 1e-6 ? "shares must add up to 1, got " + sum : null;
    }
}
