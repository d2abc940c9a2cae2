package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.serving.metrics.RejectReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code POST /feedback} body into labels: one {@code {"id": "...", "label": 0}} or a batch
 * {@code {"feedback": [ ... ]}} of 1 to {@value PredictRequestParser#MAX_BATCH}. The label is the true class,
 * 0 (normal) or 1 (successful); the id is the one the prediction answer carried.
 */
final class FeedbackRequestParser {
    static final String ID = "id";
    static final String LABEL = "label";
    static final String FEEDBACK = "feedback";

    private final ObjectMapper mapper = PredictRequestParser.strictMapper();

    /** One label; {@code field} is where it stood in the request, for error answers. */
    record Label(String id, int label, String field) {
    }

    record Parsed(List<Label> labels, boolean batch) {
    }

    Parsed parse(byte[] body) throws ApiException {
        JsonNode root = PredictRequestParser.readObject(mapper, body);
        if (!root.has(FEEDBACK)) {
            return new Parsed(List.of(label(root, "")), false);
        }
        JsonNode array = PredictRequestParser.batch(root, FEEDBACK);
        List<Label> labels = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            labels.add(label(array.get(i), FEEDBACK + "[" + i + "]."));
        }
        return new Parsed(labels, true);
    }

    private static Label label(JsonNode node, String prefix) throws ApiException {
        PredictRequestParser.unknownFields(node, prefix, ID, LABEL);
        JsonNode id = node.get(ID);
        if (id == null) {
            throw new ApiException(RejectReason.MISSING_FIELD, prefix + ID, prefix + ID + " is required");
        }
        if (!id.isTextual()) {
            throw new ApiException(RejectReason.WRONG_TYPE, prefix + ID, prefix + ID
                    + " must be the string the prediction answer carried, got " + PredictRequestParser.kind(id));
        }
        JsonNode label = node.get(LABEL);
        if (label == null) {
            throw new ApiException(RejectReason.MISSING_FIELD, prefix + LABEL, prefix + LABEL + " is required");
        }
        if (!label.isNumber()) {
            throw new ApiException(RejectReason.WRONG_TYPE, prefix + LABEL, prefix + LABEL
                    + " must be a number, 0 or 1, got " + PredictRequestParser.kind(label));
        }
        double v = label.doubleValue();
        if (v != 0 && v != 1) {
            throw new ApiException(RejectReason.BAD_LABEL, prefix + LABEL, prefix + LABEL
                    + " must be 0 (normal) or 1 (successful), got " + label.asText());
        }
        return new Label(id.asText(), (int) v, prefix + ID);
    }
}
