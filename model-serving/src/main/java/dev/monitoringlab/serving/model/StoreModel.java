package dev.monitoringlab.serving.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A trained store model loaded from a model directory (model file + {@code descriptor.json}), the way the
 * workshop loads its packaged model with {@code mlflow.pyfunc.load_model(path)}. Thread-safe.
 */
public final class StoreModel {
    private static final String[] FEATURE_NAMES = ModelDescriptor.FEATURES.toArray(String[]::new);
    private static final String SUCCESSFUL = StoreClass.SUCCESSFUL.displayName();

    private final Model<Label> model;
    private final ModelDescriptor descriptor;

    private StoreModel(Model<Label> model, ModelDescriptor descriptor) {
        this.model = model;
        this.descriptor = descriptor;
    }

    /** Loads and checks a model directory; every problem becomes one line naming the path. */
    public static StoreModel load(Path dir) throws ModelLoadException {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("model directory " + dir + " does not exist (build it with: mvn package)");
        }
        Path descriptorFile = dir.resolve(ModelDescriptor.FILE_NAME);
        if (!Files.isRegularFile(descriptorFile)) {
            throw new ModelLoadException("model directory " + dir + " has no " + ModelDescriptor.FILE_NAME);
        }
        ModelDescriptor descriptor;
        try {
            descriptor = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(descriptorFile.toFile(), ModelDescriptor.class);
        } catch (IOException e) {
            throw new ModelLoadException(descriptorFile + " is not a valid model descriptor: " + firstLine(e));
        }
        if (descriptor == null || !ModelDescriptor.FEATURES.equals(descriptor.features())
                || descriptor.modelFile() == null || descriptor.modelFile().contains("/")) {
            throw new ModelLoadException(descriptorFile + " must name the model_file and the features "
                    + ModelDescriptor.FEATURES + " in that order");
        }
        ModelDescriptor.Reference reference = descriptor.reference();
        if (reference == null || reference.probability() == null || reference.inputs() == null
                || !ModelDescriptor.FEATURES.equals(List.copyOf(reference.inputs().keySet()))) {
            throw new ModelLoadException(descriptorFile + " has no reference distributions for "
                    + ModelDescriptor.FEATURES + " and the probability, which drift is measured against"
                    + " (train the model again: mvn package)");
        }
        Path modelFile = dir.resolve(descriptor.modelFile());
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelLoadException("model file " + modelFile + " named in " + descriptorFile + " is missing");
        }
        Model<?> raw;
        try {
            raw = Model.deserializeFromFile(modelFile);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(modelFile + " is not a readable Tribuo model: " + firstLine(e));
        }
        if (!raw.validate(Label.class)) {
            throw new ModelLoadException(modelFile + " is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        Set<String> classes = model.getOutputIDInfo().getDomain().stream().map(Label::getLabel)
                .collect(Collectors.toSet());
        Set<String> expected = descriptor.classes() == null ? Set.of() : Set.copyOf(descriptor.classes().values());
        if (!classes.equals(Set.of(StoreClass.NORMAL.displayName(), SUCCESSFUL)) || !classes.equals(expected)) {
            throw new ModelLoadException(modelFile + " predicts " + classes + ", expected the classes in "
                    + descriptorFile);
        }
        for (String feature : FEATURE_NAMES) {
            if (model.getFeatureIDMap().get(feature) == null) {
                throw new ModelLoadException(modelFile + " was not trained on feature " + feature);
            }
        }
        if (!model.generatesProbabilities()) {
            throw new ModelLoadException(modelFile + " does not produce probabilities");
        }
        return new StoreModel(model, descriptor);
    }

    public Prediction predict(int itemsCount, int customersCount) {
        ArrayExample<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, FEATURE_NAMES,
                new double[] {itemsCount, customersCount});
        org.tribuo.Prediction<Label> p = model.predict(example);
        double probability = p.getOutputScores().get(SUCCESSFUL).getScore();
        return new Prediction(probability >= 0.5 ? StoreClass.SUCCESSFUL : StoreClass.NORMAL, probability);
    }

    /** The Tribuo model itself, to serve it as a repository version. */
    public Model<Label> tribuoModel() {
        return model;
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
