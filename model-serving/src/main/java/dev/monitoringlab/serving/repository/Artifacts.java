package dev.monitoringlab.serving.repository;

import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelSpec;
import java.nio.file.Path;

/** Opens the artifact of a version with the runtime its format needs. */
public final class Artifacts {
    private Artifacts() {
    }

    public static Predictor open(Path file, ModelArtifact.Format format, ModelSpec spec) {
        return switch (format) {
            case TRIBUO -> TribuoPredictor.load(file, spec);
            case ONNX -> OnnxPredictor.load(file, spec);
        };
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
