package dev.monitoringlab.serving.repository;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.ModelSpecException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * An ONNX graph run with ONNX Runtime. The repository's convention for ONNX artifacts: one input named
 * {@value #INPUT}, FLOAT, shape {@code [N, k]} with the k inputs in the order of model.json; one output named
 * {@value #OUTPUT}, FLOAT, shape {@code [N, 2]}: the probability of class 0 and of class 1.
 */
public final class OnnxPredictor implements Predictor {
    public static final String INPUT = "input";
    public static final String OUTPUT = "probabilities";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final int k;

    private OnnxPredictor(OrtEnvironment env, OrtSession session, int k) {
        this.env = env;
        this.session = session;
        this.k = k;
    }

    /** Opens the graph and checks its input and output against the convention and the descriptor. */
    public static OnnxPredictor load(Path file, ModelSpec spec) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // the request threads already use every core; one thread per run avoids handing work between pools
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = env.createSession(file.toString(), options);
        } catch (OrtException | RuntimeException e) {
            throw new ModelSpecException(file + " is not a loadable ONNX model: " + Artifacts.firstLine(e), e);
        }
        try {
            int k = spec.inputs().size();
            String problem = shapeProblem(session.getInputInfo(), INPUT, k)
                    + shapeProblem(session.getOutputInfo(), OUTPUT, 2);
            if (!problem.isEmpty()) {
                throw new ModelSpecException(file + ": " + problem.strip());
            }
            return new OnnxPredictor(env, session, k);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof ModelSpecException m) {
                throw m;
            }
            throw new ModelSpecException(file + ": cannot read its inputs and outputs: " + Artifacts.firstLine(e), e);
        }
    }

    private static String shapeProblem(Map<String, NodeInfo> nodes, String name, int columns) {
        NodeInfo node = nodes.get(name);
        if (node == null || !(node.getInfo() instanceof TensorInfo t)) {
            return "needs a tensor named '" + name + "' (has " + nodes.keySet() + "); ";
        }
        long[] shape = t.getShape();
        if (t.type != ai.onnxruntime.OnnxJavaType.FLOAT || shape.length != 2 || shape[1] != columns) {
            return "'" + name + "' must be FLOAT [N, " + columns + "], is " + t.type + " "
                    + java.util.Arrays.toString(shape) + "; ";
        }
        return "";
    }

    @Override
    public void predict(double[] rows, int n, double[] probabilities) {
        FloatBuffer input = FloatBuffer.allocate(n * k);
        for (int i = 0; i < n * k; i++) {
            input.put((float) rows[i]);
        }
        input.flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {n, k});
             OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
            OnnxValue value = result.get(OUTPUT).orElseThrow();
            FloatBuffer out = ((OnnxTensor) value).getFloatBuffer();
            for (int r = 0; r < n; r++) {
                probabilities[r] = out.get(r * 2 + 1);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the model: " + Artifacts.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // closing frees memory; nothing a caller could do about a failure
        }
    }
}
