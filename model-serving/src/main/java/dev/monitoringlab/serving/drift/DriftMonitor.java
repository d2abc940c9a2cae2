package dev.monitoringlab.serving.drift;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Compares the recent traffic with the training data: one sliding window of bin counts per input feature and
 * one for the predicted probability, each scored with the {@link Psi Population Stability Index} against the
 * reference distribution stored with the model. The window forgets old traffic; how many records it holds is
 * reported beside the scores, so a rule can refuse to judge on a handful of requests.
 */
public final class DriftMonitor {
    /** The score of one quantity over the window, and how many records the window holds. */
    public record Score(String name, double psi, long records) {
    }

    private final List<String> featureNames;
    private final List<ReferenceDistribution> featureReferences;
    private final List<SlidingWindowCounts> featureWindows;
    private final ReferenceDistribution outputReference;
    private final SlidingWindowCounts outputWindow;

    /** {@code inputs} in the order the model takes its features; {@code output} for the predicted probability. */
    public DriftMonitor(Map<String, ReferenceDistribution> inputs, ReferenceDistribution output, Duration window,
                        LongSupplier clockMillis) {
        Map<String, ReferenceDistribution> ordered = new LinkedHashMap<>(inputs);
        featureNames = List.copyOf(ordered.keySet());
        featureReferences = List.copyOf(ordered.values());
        List<SlidingWindowCounts> windows = new ArrayList<>();
        for (ReferenceDistribution r : featureReferences) {
            windows.add(new SlidingWindowCounts(r.bins(), window, clockMillis));
        }
        featureWindows = List.copyOf(windows);
        outputReference = output;
        outputWindow = new SlidingWindowCounts(output.bins(), window, clockMillis);
    }

    /** Records one prediction: its inputs, in the order of the features, and its predicted probability. */
    public void observe(double[] inputs, double probability) {
        for (int i = 0; i < featureWindows.size(); i++) {
            featureWindows.get(i).add(featureReferences.get(i).binOf(inputs[i]));
        }
        outputWindow.add(outputReference.binOf(probability));
    }

    public List<Score> inputScores() {
        List<Score> out = new ArrayList<>(featureNames.size());
        for (int i = 0; i < featureNames.size(); i++) {
            out.add(score(featureNames.get(i), featureReferences.get(i), featureWindows.get(i)));
        }
        return out;
    }

    public Score outputScore() {
        return score("probability", outputReference, outputWindow);
    }

    public Duration window() {
        return outputWindow.window();
    }

    private static Score score(String name, ReferenceDistribution reference, SlidingWindowCounts window) {
        long[] counts = window.counts();
        long records = 0;
        for (long c : counts) {
            records += c;
        }
        return new Score(name, Psi.score(reference, counts), records);
    }
}
