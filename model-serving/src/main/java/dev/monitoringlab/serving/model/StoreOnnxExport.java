package dev.monitoringlab.serving.model;

import dev.monitoringlab.serving.repository.OnnxPredictor;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.transform.Transformer;
import org.tribuo.transform.TransformerMap;
import org.tribuo.transform.TransformedModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * The store model as an ONNX graph in the repository's convention ({@link OnnxPredictor}). Tribuo exports its
 * linear models ({@code ONNXExportable}) but not the {@code TransformedModel} around them that standardises the
 * inputs, so the graph is put together here: inputs reordered from model.json's order to Tribuo's (features sorted
 * by name), the standardisation as a multiply and an add (a mean/sd transform is linear, so its coefficients are
 * read off the transformer at 0 and 1), Tribuo's own graph of the linear model and its softmax, then the class
 * columns reordered to class code 0, 1.
 */
public final class StoreOnnxExport {
    private StoreOnnxExport() {
    }

    /**
     * {@code inputs}: the inputs in model.json's order; {@code classes}: the class names of codes 0 and 1.
     * Returns the serialised ONNX ModelProto.
     */
    public static byte[] export(Model<Label> model, List<String> inputs, List<String> classes, long version) {
        if (!(model instanceof TransformedModel<Label> transformed)
                || !(transformed.getInnerModel() instanceof AbstractLinearSGDModel<Label> linear)) {
            throw new IllegalArgumentException("only a standardised Tribuo linear SGD model is exported, got "
                    + model.getClass().getSimpleName());
        }
        ImmutableFeatureMap features = linear.getFeatureIDMap();
        if (features.size() != inputs.size()) {
            throw new IllegalArgumentException("the model has " + features.size() + " features, model.json "
                    + inputs.size() + " inputs");
        }
        TransformerMap transforms = transformed.getTransformerMap();
        int k = inputs.size();
        long[] order = new long[k];
        float[] scale = new float[k];
        float[] shift = new float[k];
        for (int j = 0; j < k; j++) {
            String name = features.get(j).getName();
            order[j] = inputs.indexOf(name);
            if (order[j] < 0) {
                throw new IllegalArgumentException("feature " + name + " is not an input of model.json");
            }
            List<Transformer> list = transforms.get(name);
            double at0 = list == null ? 0 : TransformerMap.applyTransformerList(0, list);
            double at1 = list == null ? 1 : TransformerMap.applyTransformerList(1, list);
            scale[j] = (float) (at1 - at0);
            shift[j] = (float) at0;
        }
        long[] classOrder = classes.stream().mapToLong(c -> linear.getOutputIDInfo().getID(new Label(c))).toArray();

        ONNXContext onnx = new ONNXContext();
        onnx.setName("store-success");
        ONNXPlaceholder input = onnx.floatInput(OnnxPredictor.INPUT, k);
        ONNXPlaceholder output = onnx.floatOutput(OnnxPredictor.OUTPUT, classes.size());
        ONNXNode scaled = input
                .apply(ONNXOperators.GATHER, onnx.array("tribuo_feature_order", order), Map.of("axis", 1))
                .apply(ONNXOperators.MUL, onnx.array("standardise_scale", scale))
                .apply(ONNXOperators.ADD, onnx.array("standardise_shift", shift));
        linear.writeONNXGraph(scaled)
                .apply(ONNXOperators.GATHER, onnx.array("class_order", classOrder), Map.of("axis", 1))
                .assignTo(output);
        return ONNXExportable.buildModel(onnx, "dev.monitoringlab.models", version, transformed).toByteArray();
    }
}
