package dev.monitoringlab.serving.repository;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.ModelSpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** A Tribuo classification model file: one {@code predict} per record, with the features named as the inputs. */
public final class TribuoPredictor implements Predictor {
    private final Model<Label> model;
    private final String[] inputs;
    private final String positive;

    private TribuoPredictor(Model<Label> model, String[] inputs, String positive) {
        this.model = model;
        this.inputs = inputs;
        this.positive = positive;
    }

    /** Loads {@code file} and checks it against the descriptor: same classes, every input a feature, probabilities. */
    public static TribuoPredictor load(Path file, ModelSpec spec) {
        Model<?> raw;
        try {
            raw = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new ModelSpecException(file + " is not a readable Tribuo model: " + Artifacts.firstLine(e), e);
        }
        if (!raw.validate(Label.class)) {
            throw new ModelSpecException(file + " is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        Set<String> classes = model.getOutputIDInfo().getDomain().stream().map(Label::getLabel)
                .collect(Collectors.toSet());
        Set<String> expected = Set.of(spec.className(0), spec.className(1));
        if (!classes.equals(expected)) {
            throw new ModelSpecException(file + " predicts " + classes + ", model.json names " + expected);
        }
        for (String input : spec.inputNames()) {
            if (model.getFeatureIDMap().get(input) == null) {
                throw new ModelSpecException(file + " was not trained on input " + input);
            }
        }
        if (!model.generatesProbabilities()) {
            throw new ModelSpecException(file + " does not produce probabilities");
        }
        return new TribuoPredictor(model, spec.inputNames().toArray(String[]::new), spec.className(1));
    }

    /** An already loaded and checked model (the store model of a model directory). */
    public static TribuoPredictor of(Model<Label> model, ModelSpec spec) {
        return new TribuoPredictor(model, spec.inputNames().toArray(String[]::new), spec.className(1));
    }

    @Override
    public void predict(double[] rows, int n, double[] probabilities) {
        int k = inputs.length;
        for (int r = 0; r < n; r++) {
            double[] values = new double[k];
            System.arraycopy(rows, r * k, values, 0, k);
            probabilities[r] = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, inputs, values))
                    .getOutputScores().get(positive).getScore();
        }
    }

    /** The Tribuo model itself, for the ONNX export. */
    public Model<Label> model() {
        return model;
    }

    @Override
    public void close() {
        // nothing outside the heap
    }
}
