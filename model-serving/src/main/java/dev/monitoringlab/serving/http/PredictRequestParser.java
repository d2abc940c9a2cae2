package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.serving.metrics.RejectReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a {@code POST /predict} body into records, or an {@link ApiException} naming the field and the reason.
 * Accepts one record {@code {"items_count": 1500, "customers_count": 900}} or a batch
 * {@code {"records": [ ... ]}} of 1 to {@value #MAX_BATCH} records. Counts are whole numbers from 0 to
 * {@value #MAX_COUNT}: a million items or customers a day is far outside any store this model describes,
 * so a larger value is a client bug, not a store.
 */
public final class PredictRequestParser {
    public static final int MAX_BATCH = 1000;
    public static final long MAX_COUNT = 1_000_000L;
    static final String ITEMS = "items_count";
    static final String CUSTOMERS = "customers_count";
    static final String RECORDS = "records";

    private final ObjectMapper mapper = strictMapper();

    /** The parsed request: the records, and whether it was a batch (which shapes the response). */
    public record Parsed(List<int[]> records, boolean batch) {
    }

    public Parsed parse(byte[] body) throws ApiException {
        JsonNode root = readObject(mapper, body);
        if (!root.has(RECORDS)) {
            return new Parsed(List.of(record(root, "")), false);
        }
        JsonNode array = batch(root, RECORDS);
        List<int[]> records = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            records.add(record(array.get(i), RECORDS + "[" + i + "]."));
        }
        return new Parsed(records, true);
    }

    /** A JSON reader that refuses duplicate keys and trailing data: both are client bugs worth a 400. */
    static ObjectMapper strictMapper() {
        return new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body as a JSON object, or the 4xx that says why it is not one. */
    static JsonNode readObject(ObjectMapper mapper, byte[] body) throws ApiException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            throw new ApiException(RejectReason.MALFORMED_JSON, "body", "body is not valid JSON: "
                    + (m == null ? "parse error" : m.lines().findFirst().orElse("parse error")));
        } catch (IOException e) {
            throw new ApiException(RejectReason.MALFORMED_JSON, "body", "body could not be read as JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new ApiException(RejectReason.MALFORMED_JSON, "body", "body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw new ApiException(RejectReason.WRONG_TYPE, "body", "body must be a JSON object, got " + kind(root));
        }
        return root;
    }

    /** The elements of the batch array {@code name}: 1 to {@value #MAX_BATCH} objects. */
    static JsonNode batch(JsonNode root, String name) throws ApiException {
        unknownFields(root, "", name);
        JsonNode array = root.get(name);
        if (!array.isArray()) {
            throw new ApiException(RejectReason.WRONG_TYPE, name, name + " must be an array, got " + kind(array));
        }
        if (array.isEmpty()) {
            throw new ApiException(RejectReason.EMPTY_BATCH, name, name + " is empty; send 1 to " + MAX_BATCH);
        }
        if (array.size() > MAX_BATCH) {
            throw new ApiException(RejectReason.BATCH_TOO_LARGE, name,
                    name + " holds " + array.size() + " records; at most " + MAX_BATCH + " per request");
        }
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                String path = name + "[" + i + "]";
                throw new ApiException(RejectReason.WRONG_TYPE, path, path + " must be an object, got "
                        + kind(array.get(i)));
            }
        }
        return array;
    }

    private static int[] record(JsonNode node, String prefix) throws ApiException {
        unknownFields(node, prefix, ITEMS, CUSTOMERS);
        return new int[] {count(node, prefix, ITEMS), count(node, prefix, CUSTOMERS)};
    }

    static void unknownFields(JsonNode node, String prefix, String... allowed) throws ApiException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!List.of(allowed).contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
                throw new ApiException(RejectReason.UNKNOWN_FIELD, prefix + shown, "unknown field '" + prefix + shown
                        + "'; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static int count(JsonNode node, String prefix, String name) throws ApiException {
        String field = prefix + name;
        JsonNode v = node.get(name);
        if (v == null) {
            throw new ApiException(RejectReason.MISSING_FIELD, field, field + " is required");
        }
        if (!v.isNumber()) {
            throw new ApiException(RejectReason.WRONG_TYPE, field, field + " must be a number, got " + kind(v));
        }
        double d = v.doubleValue(); // exact enough for the range checks; huge integers become large doubles
        if (Double.isNaN(d)) {
            throw new ApiException(RejectReason.WRONG_TYPE, field, field + " must be a number, got NaN");
        }
        if (d < 0) {
            throw new ApiException(RejectReason.NEGATIVE_VALUE, field, field + " must be >= 0, got " + v.asText());
        }
        if (d > MAX_COUNT) {
            throw new ApiException(RejectReason.TOO_LARGE, field, field + " must be <= " + MAX_COUNT);
        }
        if (!v.isIntegralNumber() && d != Math.rint(d)) {
            throw new ApiException(RejectReason.NOT_INTEGER, field, field + " must be a whole number, got " + v.asText());
        }
        return (int) d;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
