package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monitoringlab.http.Response;
import dev.monitoringlab.models.Datatype;
import dev.monitoringlab.models.InputSpec;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.OutputSpec;
import dev.monitoringlab.serving.metrics.RejectReason;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.repository.ServedVersion;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Open Inference Protocol (KServe V2, as Triton and MLServer speak it) over HTTP/REST: health, server and model
 * metadata, model readiness and inference, for every model of the repository. Each input of a model is one
 * tensor of shape {@code [n]} (or {@code [n, 1]}) for n records; requests are checked against model.json (names,
 * datatypes, shapes, accepted ranges) before the model sees them.
 */
final class InferenceProtocol {
    static final String PREFIX = "/v2";
    static final int MAX_RECORDS = 1000;
    static final String SERVER_NAME = "monitoring-lab model-serving";

    /** What a path under /v2 asks for, with its route template (the metrics' route label). */
    enum Kind { SERVER_METADATA, LIVE, READY, MODEL_METADATA, MODEL_READY, INFER }

    record Target(Kind kind, String route, String model, String version) {
        boolean post() {
            return kind == Kind.INFER;
        }
    }

    /** What one inference computed, for the metrics and the drift monitor. */
    interface Observer {
        void inferred(ServedVersion version, double[] rows, int n, double[] probabilities);
    }

    private final ModelRegistry registry;
    private final Observer observer;
    private final ObjectMapper json = new ObjectMapper();

    InferenceProtocol(ModelRegistry registry, Observer observer) {
        this.registry = registry;
        this.observer = observer;
    }

    /** The target of a /v2 path, or null when the path is none of the protocol's. */
    static Target parse(String path) {
        if (path == null || !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"))) {
            return null;
        }
        String[] p = path.substring(1).split("/", -1);
        if (p.length == 1) {
            return new Target(Kind.SERVER_METADATA, PREFIX, null, null);
        }
        if (p.length == 3 && p[1].equals("health") && (p[2].equals("live") || p[2].equals("ready"))) {
            return new Target(p[2].equals("live") ? Kind.LIVE : Kind.READY, path, null, null);
        }
        if (p.length < 3 || !p[1].equals("models") || p[2].isEmpty()) {
            return null;
        }
        String model = p[2];
        String version = null;
        int rest = 3;
        if (p.length >= 5 && p[3].equals("versions") && !p[4].isEmpty()) {
            version = p[4];
            rest = 5;
        }
        String base = "/v2/models/{name}" + (version == null ? "" : "/versions/{version}");
        if (p.length == rest) {
            return new Target(Kind.MODEL_METADATA, base, model, version);
        }
        if (p.length == rest + 1 && p[rest].equals("ready")) {
            return new Target(Kind.MODEL_READY, base + "/ready", model, version);
        }
        if (p.length == rest + 1 && p[rest].equals("infer")) {
            return new Target(Kind.INFER, base + "/infer", model, version);
        }
        return null;
    }

    Response handle(Target target, byte[] body) throws ApiException {
        return switch (target.kind()) {
            case LIVE -> Response.text(200, "");
            case READY -> Response.text(registry.names().isEmpty() ? 400 : 200, "");
            case SERVER_METADATA -> Response.json(200, "{\"name\":\"" + SERVER_NAME
                    + "\",\"version\":\"1\",\"extensions\":[]}");
            case MODEL_METADATA -> metadata(resolve(target));
            case MODEL_READY -> {
                resolve(target);
                yield Response.text(200, "");
            }
            case INFER -> infer(target, body);
        };
    }

    /** The version a request names (or the answering one), or a 404 naming what exists. */
    private ServedVersion resolve(Target target) throws ApiException {
        ServedVersion v = registry.current(target.model()).orElseThrow(() -> new ApiException(
                RejectReason.UNKNOWN_MODEL, "model", "no model '" + shorten(target.model()) + "'; models: "
                + registry.names()));
        if (target.version() != null && !target.version().equals(v.version())) {
            throw new ApiException(RejectReason.UNKNOWN_VERSION, "version", "model '" + v.name()
                    + "' has no version '" + shorten(target.version()) + "' answering; version " + v.version()
                    + " answers");
        }
        return v;
    }

    private Response metadata(ServedVersion v) {
        ObjectNode root = json.createObjectNode();
        root.put("name", v.name());
        root.putArray("versions").add(v.version());
        root.put("platform", switch (v.format()) {
            case TRIBUO -> "tribuo_java";
            case ONNX -> "onnxruntime_onnx";
        });
        ArrayNode inputs = root.putArray("inputs");
        for (InputSpec in : v.spec().inputs()) {
            inputs.addObject().put("name", in.name()).put("datatype", in.datatype()).putArray("shape").add(-1);
        }
        ArrayNode outputs = root.putArray("outputs");
        for (OutputSpec out : v.spec().outputs()) {
            outputs.addObject().put("name", out.name()).put("datatype", out.datatype()).putArray("shape").add(-1);
        }
        try {
            return Response.json(200, json.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private Response infer(Target target, byte[] body) throws ApiException {
        resolve(target); // 404 before reading the body
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new ApiException(RejectReason.MALFORMED_JSON, "body", "body is not JSON: "
                    + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(RejectReason.WRONG_TYPE, "body", "body must be an inference request object"
                    + " {\"inputs\": [...]}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("id", "parameters", "inputs", "outputs").contains(f)) {
                throw new ApiException(RejectReason.UNKNOWN_FIELD, f, "unknown field '" + shorten(f)
                        + "' (an inference request has id, parameters, inputs, outputs)");
            }
        }
        JsonNode id = root.get("id");
        if (id != null && !id.isTextual()) {
            throw new ApiException(RejectReason.WRONG_TYPE, "id", "id must be a string");
        }
        ServedVersion v = registry.acquire(target.model());
        try {
            if (target.version() != null && !target.version().equals(v.version())) {
                throw new ApiException(RejectReason.UNKNOWN_VERSION, "version", "model '" + v.name()
                        + "' has no version '" + shorten(target.version()) + "' answering; version " + v.version()
                        + " answers");
            }
            ModelSpec spec = v.spec();
            List<OutputSpec> wanted = requestedOutputs(root.get("outputs"), spec);
            Inputs in = inputs(root.get("inputs"), spec);
            double[] probabilities = new double[in.n()];
            v.predict(in.rows(), in.n(), probabilities);
            observer.inferred(v, in.rows(), in.n(), probabilities);
            return Response.json(200, answer(v, id == null ? null : id.asText(), wanted, probabilities));
        } finally {
            v.release();
        }
    }

    private record Inputs(double[] rows, int n) {
    }

    private Inputs inputs(JsonNode inputs, ModelSpec spec) throws ApiException {
        if (inputs == null || !inputs.isArray()) {
            throw new ApiException(RejectReason.MISSING_FIELD, "inputs", "inputs must be an array of tensors, one per"
                    + " input: " + spec.inputNames());
        }
        int k = spec.inputs().size();
        JsonNode[] byInput = new JsonNode[k];
        for (int t = 0; t < inputs.size(); t++) {
            JsonNode tensor = inputs.get(t);
            String field = "inputs[" + t + "]";
            if (!tensor.isObject() || !tensor.path("name").isTextual()) {
                throw new ApiException(RejectReason.WRONG_TYPE, field, field + " must be a tensor object with a name");
            }
            String name = tensor.get("name").asText();
            int i = spec.inputNames().indexOf(name);
            if (i < 0 || byInput[i] != null) {
                throw new ApiException(RejectReason.UNKNOWN_INPUT, field, field + ": " + (i < 0 ? "model '"
                        + spec.name() + "' has no input '" + shorten(name) + "'" : "input '" + name
                        + "' given twice") + "; its inputs: " + spec.inputNames());
            }
            byInput[i] = tensor;
        }
        int n = -1;
        double[] rows = null;
        for (int i = 0; i < k; i++) {
            InputSpec in = spec.inputs().get(i);
            if (byInput[i] == null) {
                throw new ApiException(RejectReason.MISSING_INPUT, in.name(), "input '" + in.name()
                        + "' is missing; model '" + spec.name() + "' takes " + spec.inputNames());
            }
            int records = records(byInput[i], in);
            if (n < 0) {
                n = records;
                rows = new double[n * k];
            } else if (records != n) {
                throw new ApiException(RejectReason.WRONG_SHAPE, in.name(), "input '" + in.name() + "' has "
                        + records + " records, input '" + spec.inputs().get(0).name() + "' " + n
                        + "; every input needs one value per record");
            }
            fill(byInput[i], in, rows, i, k, n);
        }
        return new Inputs(rows, n);
    }

    /** Checks a tensor's fields, datatype and shape; returns its number of records. */
    private static int records(JsonNode tensor, InputSpec in) throws ApiException {
        for (Iterator<String> it = tensor.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("name", "shape", "datatype", "parameters", "data").contains(f)) {
                throw new ApiException(RejectReason.UNKNOWN_FIELD, in.name(), "input '" + in.name()
                        + "': unknown field '" + shorten(f) + "' (a tensor has name, shape, datatype, parameters,"
                        + " data)");
            }
        }
        JsonNode datatype = tensor.get("datatype");
        if (datatype == null || !datatype.isTextual() || !datatype.asText().equals(in.datatype())) {
            String given = datatype == null ? "none" : shorten(datatype.asText());
            throw new ApiException(RejectReason.WRONG_DATATYPE, in.name(), "input '" + in.name()
                    + "' has datatype " + in.datatype() + ", got " + given
                    + (Datatype.parse(given) == null && datatype != null ? " (not a datatype of the protocol)" : ""));
        }
        JsonNode shape = tensor.get("shape");
        boolean ok = shape != null && shape.isArray() && (shape.size() == 1 || shape.size() == 2)
                && shape.get(0).canConvertToInt() && shape.get(0).isIntegralNumber()
                && (shape.size() == 1 || (shape.get(1).isIntegralNumber() && shape.get(1).asLong() == 1));
        if (!ok) {
            throw new ApiException(RejectReason.WRONG_SHAPE, in.name(), "input '" + in.name()
                    + "' must have shape [n] or [n, 1] for n records, got " + shorten(String.valueOf(shape)));
        }
        long n = shape.get(0).asLong();
        if (n < 1) {
            throw new ApiException(RejectReason.EMPTY_BATCH, in.name(), "input '" + in.name()
                    + "' holds no records (shape " + shape + ")");
        }
        if (n > MAX_RECORDS) {
            throw new ApiException(RejectReason.BATCH_TOO_LARGE, in.name(), "at most " + MAX_RECORDS
                    + " records per request, input '" + in.name() + "' has " + n);
        }
        return (int) n;
    }

    /** Copies the tensor's data, flat or nested, row-major, into column {@code col} of the records. */
    private static void fill(JsonNode tensor, InputSpec in, double[] rows, int col, int k, int n) throws ApiException {
        JsonNode data = tensor.get("data");
        if (data == null || !data.isArray()) {
            throw new ApiException(RejectReason.MISSING_FIELD, in.name(), "input '" + in.name()
                    + "' needs data: an array of " + n + " values");
        }
        int[] count = {0};
        flatten(data, in, rows, col, k, n, count);
        if (count[0] != n) {
            throw new ApiException(RejectReason.WRONG_SHAPE, in.name(), "input '" + in.name() + "' has "
                    + count[0] + " values, its shape says " + n);
        }
    }

    private static void flatten(JsonNode data, InputSpec in, double[] rows, int col, int k, int n, int[] count)
            throws ApiException {
        for (JsonNode value : data) {
            if (value.isArray()) {
                flatten(value, in, rows, col, k, n, count);
                continue;
            }
            int i = count[0]++;
            if (i >= n) {
                continue; // counted, reported as a shape mismatch
            }
            double x;
            if (in.type() == Datatype.BOOL && value.isBoolean()) {
                x = value.asBoolean() ? 1 : 0;
            } else if (value.isNumber() && in.type() != Datatype.BOOL) {
                x = value.asDouble();
            } else {
                throw new ApiException(RejectReason.WRONG_TYPE, in.name(), "input '" + in.name() + "' data[" + i
                        + "] must be " + (in.type() == Datatype.BOOL ? "true or false" : "a number") + ", got "
                        + shorten(value.toString()));
            }
            if (in.type().integral() && x != Math.rint(x)) {
                throw new ApiException(RejectReason.NOT_INTEGER, in.name(), "input '" + in.name() + "' data[" + i
                        + "] must be a whole number (" + in.datatype() + "), got " + value);
            }
            if (!in.accepts(x)) {
                throw new ApiException(RejectReason.OUT_OF_RANGE, in.name(), "input '" + in.name() + "' data[" + i
                        + "] = " + value + " is outside what model.json accepts: " + accepted(in));
            }
            rows[i * k + col] = x;
        }
    }

    private static String accepted(InputSpec in) {
        String range = "[" + plain(in.min()) + ", " + plain(in.max()) + "]";
        return in.categories() == null ? range : "one of " + in.categories();
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<OutputSpec> requestedOutputs(JsonNode outputs, ModelSpec spec) throws ApiException {
        if (outputs == null) {
            return spec.outputs();
        }
        if (!outputs.isArray() || outputs.isEmpty()) {
            throw new ApiException(RejectReason.WRONG_TYPE, "outputs", "outputs must be a non-empty array of"
                    + " {\"name\": ...}, or left out for every output");
        }
        java.util.ArrayList<OutputSpec> wanted = new java.util.ArrayList<>();
        for (JsonNode o : outputs) {
            String name = o.path("name").asText(null);
            OutputSpec out = name == null ? null : spec.output(name).orElse(null);
            if (out == null) {
                throw new ApiException(RejectReason.UNKNOWN_OUTPUT, "outputs", "model '" + spec.name()
                        + "' has no output '" + shorten(String.valueOf(name)) + "'; its outputs: "
                        + spec.outputs().stream().map(OutputSpec::name).toList());
            }
            if (!wanted.contains(out)) {
                wanted.add(out);
            }
        }
        return wanted;
    }

    private String answer(ServedVersion v, String id, List<OutputSpec> outputs, double[] probabilities) {
        int n = probabilities.length;
        StringBuilder sb = new StringBuilder(96 + n * 32);
        sb.append("{\"model_name\":\"").append(v.name()).append("\",\"model_version\":\"").append(v.version())
                .append('"');
        if (id != null) {
            try {
                sb.append(",\"id\":").append(json.writeValueAsString(id));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a string always serialises", e);
            }
        }
        sb.append(",\"outputs\":[");
        for (int o = 0; o < outputs.size(); o++) {
            OutputSpec out = outputs.get(o);
            sb.append(o == 0 ? "" : ",").append("{\"name\":\"").append(out.name()).append("\",\"datatype\":\"")
                    .append(out.datatype()).append("\",\"shape\":[").append(n).append("],\"data\":[");
            for (int r = 0; r < n; r++) {
                if (r > 0) {
                    sb.append(',');
                }
                double p = probabilities[r];
                if (out.name().equals("label")) {
                    sb.append(ServedVersion.label(p));
                } else if (out.type() == Datatype.FP32) {
                    sb.append((float) p);
                } else {
                    sb.append(p);
                }
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    /** The protocol's error body: {@code {"error": "..."}}. */
    Response error(int status, String message) {
        try {
            return Response.json(status, json.writeValueAsString(Map.of("error", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).toLowerCase(Locale.ROOT).startsWith("unexpected end")
                ? "it ends too early" : (nl < 0 ? m : m.substring(0, nl));
    }
}
