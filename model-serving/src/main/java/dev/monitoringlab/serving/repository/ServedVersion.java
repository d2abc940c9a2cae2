package dev.monitoringlab.serving.repository;

import dev.monitoringlab.models.Distribution;
import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.serving.drift.ReferenceDistribution;
import dev.monitoringlab.serving.model.ModelDescriptor;
import dev.monitoringlab.serving.model.StoreModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded version of a model: its descriptor, what training recorded (quality, reference distributions) and the
 * runtime that computes its answers. Requests {@link #acquire()} it for the time they use it; once a newer version
 * replaced it and the last request released it, its runtime is closed, so a swap never pulls an artifact from
 * under a request in flight.
 */
public final class ServedVersion {
    private final ModelSpec spec;
    private final String version;
    private final ModelArtifact.Format format;
    private final String library;
    private final String libraryVersion;
    private final String sha256;
    private final double accuracy;
    private final Double rocAuc;
    private final List<ReferenceDistribution> inputReferences;
    private final ReferenceDistribution probabilityReference;
    /** null when training recorded none (a model directory of the older layout). */
    private final ReferenceDistribution labelReference;
    private final Predictor predictor;
    /** The repository's own reference plus one per request in flight; 0 once closed. */
    private final AtomicInteger users = new AtomicInteger(1);

    ServedVersion(ModelSpec spec, String version, ModelArtifact.Format format, String library, String libraryVersion,
                  String sha256, double accuracy, Double rocAuc, List<ReferenceDistribution> inputReferences,
                  ReferenceDistribution probabilityReference, ReferenceDistribution labelReference, Predictor predictor) {
        this.spec = spec;
        this.version = version;
        this.format = format;
        this.library = library;
        this.libraryVersion = libraryVersion;
        this.sha256 = sha256;
        this.accuracy = accuracy;
        this.rocAuc = rocAuc;
        this.inputReferences = List.copyOf(inputReferences);
        this.probabilityReference = probabilityReference;
        this.labelReference = labelReference;
        this.predictor = predictor;
    }

    /** Reads, checks and opens {@code <modelFolder>/<version>/}; every problem is one line naming the file. */
    public static ServedVersion load(Path modelFolder, ModelSpec spec, long version) {
        Path folder = modelFolder.resolve(Long.toString(version));
        ModelArtifact artifact = ModelRepository.readArtifact(folder, spec);
        Path file = ModelRepository.verifyFile(folder, artifact);
        Predictor predictor = Artifacts.open(file, artifact.format(), spec);
        List<ReferenceDistribution> inputs = spec.inputNames().stream()
                .map(n -> reference(artifact.reference().inputs().get(n))).toList();
        return new ServedVersion(spec, Long.toString(version), artifact.format(), artifact.library(),
                artifact.libraryVersion(), artifact.sha256(), artifact.metrics().accuracy(), artifact.metrics().rocAuc(),
                inputs, reference(artifact.reference().outputs().get("probability")),
                reference(artifact.reference().outputs().get("label")), predictor);
    }

    /**
     * A model directory of the older layout ({@code serve --model DIR}: {@code descriptor.json} and
     * {@code model.tribuo}) served as a version of {@code spec}; its version is the descriptor's.
     */
    public static ServedVersion fromModelDirectory(StoreModel model, ModelSpec spec) {
        ModelDescriptor d = model.descriptor();
        List<ReferenceDistribution> inputs = spec.inputNames().stream().map(n -> d.reference().inputs().get(n)).toList();
        return new ServedVersion(spec, d.version(), ModelArtifact.Format.TRIBUO, d.library(), d.libraryVersion(),
                d.trainingData().sha256(), d.metrics().accuracy(), d.metrics().rocAuc(), inputs,
                d.reference().probability(), null, TribuoPredictor.of(model.tribuoModel(), spec));
    }

    private static ReferenceDistribution reference(Distribution d) {
        return new ReferenceDistribution(d.upperBounds(), d.shares());
    }

    /** Fills the probability of class 1 for n records (inputs in model.json's order, one record after another). */
    public void predict(double[] rows, int n, double[] probabilities) {
        predictor.predict(rows, n, probabilities);
    }

    /** The class code an answer carries: 1 when its probability is at least 0.5. */
    public static int label(double probability) {
        return probability >= 0.5 ? 1 : 0;
    }

    /** Takes a reference for one request; false if the version has been closed (read the current one again). */
    public boolean acquire() {
        for (int u = users.get(); u > 0; u = users.get()) {
            if (users.compareAndSet(u, u + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Ends a request's use, or the repository's own ({@link #retire()}); the last one closes the runtime. */
    public void release() {
        if (users.decrementAndGet() == 0) {
            predictor.close();
        }
    }

    /** The repository no longer serves this version: closed once the requests in flight are done. */
    public void retire() {
        release();
    }

    public ModelSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String version() {
        return version;
    }

    public ModelArtifact.Format format() {
        return format;
    }

    public String library() {
        return library;
    }

    public String libraryVersion() {
        return libraryVersion;
    }

    public String sha256() {
        return sha256;
    }

    public double accuracy() {
        return accuracy;
    }

    public Double rocAuc() {
        return rocAuc;
    }

    /** Reference distributions of the inputs, in model.json's order. */
    public List<ReferenceDistribution> inputReferences() {
        return inputReferences;
    }

    public ReferenceDistribution probabilityReference() {
        return probabilityReference;
    }

    public ReferenceDistribution labelReference() {
        return labelReference;
    }

    /** Inputs by name with their reference, for the drift monitor. */
    public Map<String, ReferenceDistribution> inputReferencesByName() {
        Map<String, ReferenceDistribution> m = new LinkedHashMap<>();
        for (int i = 0; i < spec.inputs().size(); i++) {
            m.put(spec.inputs().get(i).name(), inputReferences.get(i));
        }
        return m;
    }
}
