package dev.monitoringlab.models;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a descriptor or an artifact description usable; each check returns the first problem or null. */
final class SpecChecks {
    /** A model name is a URL path segment, a Prometheus label value and a Kubernetes name at once. */
    static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Inputs and outputs are PromQL label values and identifiers in training code. */
    static final Pattern TENSOR_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private SpecChecks() {
    }

    static String problem(ModelSpec spec) {
        if (!MODEL_NAME.matcher(spec.name()).matches()) {
            return "name '" + spec.name() + "' must be lower-case letters, digits and '-' (at most 63, no '-' at"
                    + " either end): it is a URL segment, a label value and a Kubernetes name";
        }
        if (!VERSION.matcher(spec.version()).matches()) {
            return "version '" + spec.version() + "' must be a positive whole number (it names the version folder)";
        }
        if (spec.inputs().isEmpty()) {
            return "inputs: at least one input is needed";
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.inputs().size(); i++) {
            String p = inputProblem(spec.inputs().get(i));
            if (p == null && !names.add(spec.inputs().get(i).name())) {
                p = "name '" + spec.inputs().get(i).name() + "' is used twice";
            }
            if (p != null) {
                return "inputs[" + i + "]: " + p;
            }
        }
        names.clear();
        for (int i = 0; i < spec.outputs().size(); i++) {
            String p = outputProblem(spec.outputs().get(i));
            if (p == null && !names.add(spec.outputs().get(i).name())) {
                p = "name '" + spec.outputs().get(i).name() + "' is used twice";
            }
            if (p != null) {
                return "outputs[" + i + "]: " + p;
            }
        }
        return taskProblem(spec);
    }

    private static String inputProblem(InputSpec in) {
        if (in.name() == null || !TENSOR_NAME.matcher(in.name()).matches()) {
            return "name '" + in.name() + "' must be lower-case letters, digits and '_', starting with a letter or '_'";
        }
        Datatype type = in.type();
        if (type == null || !type.numeric()) {
            return in.name() + ": datatype '" + in.datatype() + "' is not a numeric Open Inference Protocol type"
                    + " (BOOL, UINT8..UINT64, INT8..INT64, FP16, FP32, FP64)";
        }
        if (in.min() == null || in.max() == null || !type.holds(in.min()) || !type.holds(in.max())
                || in.min() > in.max()) {
            return in.name() + ": min " + in.min() + " and max " + in.max() + " must be values of " + type
                    + " with min <= max";
        }
        switch (in.kind()) {
            case COUNT -> {
                if (!type.integral() || in.min() < 0) {
                    return in.name() + ": a count needs an integral datatype and min >= 0";
                }
            }
            case RATIO -> {
                if (type.integral() || in.min() < 0 || in.max() > 1) {
                    return in.name() + ": a ratio needs a floating-point datatype and a range within [0, 1]";
                }
            }
            case CATEGORY -> {
                if (!type.integral() || in.categories() == null || in.categories().size() < 2) {
                    return in.name() + ": a category needs an integral datatype and at least two categories";
                }
                for (Map.Entry<String, String> c : in.categories().entrySet()) {
                    double code;
                    try {
                        code = Long.parseLong(c.getKey());
                    } catch (NumberFormatException e) {
                        return in.name() + ": category code '" + c.getKey() + "' is not a whole number";
                    }
                    if (code < in.min() || code > in.max() || c.getValue() == null || c.getValue().isBlank()) {
                        return in.name() + ": category " + c.getKey() + " must lie in [min, max] and have a name";
                    }
                }
            }
            case REAL -> {
                // any range of any numeric type
            }
            default -> throw new IllegalStateException(in.kind().toString());
        }
        if (in.kind() != InputSpec.Kind.CATEGORY && in.categories() != null) {
            return in.name() + ": categories are for kind category only";
        }
        return null;
    }

    private static String outputProblem(OutputSpec out) {
        if (out.name() == null || !TENSOR_NAME.matcher(out.name()).matches()) {
            return "name '" + out.name() + "' must be lower-case letters, digits and '_'";
        }
        if (out.type() == null) {
            return out.name() + ": datatype '" + out.datatype() + "' is not an Open Inference Protocol type";
        }
        return null;
    }

    private static String taskProblem(ModelSpec spec) {
        switch (spec.task()) {
            case BINARY_CLASSIFICATION -> {
                List<Integer> codes = spec.classes().stream().map(ClassSpec::label).sorted().toList();
                if (!codes.equals(List.of(0, 1))) {
                    return "classes: a binary classifier has exactly the classes 0 and 1, got " + codes;
                }
                if (spec.classes().stream().anyMatch(c -> c.name() == null || !TENSOR_NAME.matcher(c.name()).matches())
                        || spec.classes().get(0).name().equals(spec.classes().get(1).name())) {
                    return "classes: names must differ and be lower-case letters, digits and '_'";
                }
                OutputSpec label = spec.output("label").orElse(null);
                OutputSpec probability = spec.output("probability").orElse(null);
                if (spec.outputs().size() != 2 || label == null || probability == null) {
                    return "outputs: a binary classifier has the outputs 'label' and 'probability'";
                }
                if (label.type() != Datatype.INT64) {
                    return "outputs: 'label' is INT64";
                }
                if (probability.type() != Datatype.FP32 && probability.type() != Datatype.FP64) {
                    return "outputs: 'probability' is FP32 or FP64";
                }
                return null;
            }
            default -> throw new IllegalStateException(spec.task().toString());
        }
    }

    static String problem(ModelArtifact a, ModelSpec spec) {
        if (a.file() == null || a.file().isBlank() || a.file().contains("/") || a.file().contains("\\")
                || a.file().startsWith(".")) {
            return "file '" + a.file() + "' must be a plain file name in the version folder";
        }
        if (!SHA256.matcher(a.sha256()).matches()) {
            return "sha256 must be 64 lower-case hex digits";
        }
        if (!(a.metrics().accuracy() >= 0 && a.metrics().accuracy() <= 1)) {
            return "metrics.accuracy must lie in [0, 1], got " + a.metrics().accuracy();
        }
        for (String input : spec.inputNames()) {
            String p = distributionProblem(a.reference().inputs().get(input));
            if (p != null) {
                return "reference.inputs." + input + ": " + p;
            }
        }
        for (OutputSpec output : spec.outputs()) {
            String p = distributionProblem(a.reference().outputs().get(output.name()));
            if (p != null) {
                return "reference.outputs." + output.name() + ": " + p;
            }
        }
        Set<String> extra = new HashSet<>(a.reference().inputs().keySet());
        spec.inputNames().forEach(extra::remove);
        if (!extra.isEmpty()) {
            return "reference.inputs: " + extra + " not inputs of model " + spec.name();
        }
        return null;
    }

    private static String distributionProblem(Distribution d) {
        return d == null ? "missing (every input and output needs its training distribution)" : d.problem();
    }
}
