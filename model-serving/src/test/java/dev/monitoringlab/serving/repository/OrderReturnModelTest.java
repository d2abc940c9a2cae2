package dev.monitoringlab.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second model of the repository, made as its users make models: scikit-learn, written as ONNX by its own
 * training script. The script runs here into a temp dir; what it writes must be the committed version, and ONNX
 * Runtime must compute on it what scikit-learn computed.
 */
class OrderReturnModelTest {
    /** The graph computes in FLOAT: about 7 significant digits of scikit-learn's double probabilities. */
    static final double TOLERANCE = 1e-6;
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    static Path models() {
        return ModelRepository.inCheckout(Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize());
    }

    @Test
    void theTrainingScriptRebuildsTheCommittedVersionAndOnnxRuntimeComputesWhatScikitLearnDid() throws Exception {
        assertThat(Path.of(PYTHON)).as("Debian's python3 with python3-sklearn and python3-onnx"
                + " (scripts/install-deps.sh --test)").isExecutable();
        Process p = new ProcessBuilder(PYTHON, models().resolve("order-return/train.py").toString(), "--out",
                dir.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("train.py finished within 120 s").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("train.py: %s", output).isZero();
        assertThat(output).startsWith("trained order-return version 1: held-out accuracy");

        Path built = dir.resolve("order-return/1");
        Path committed = models().resolve("order-return/1");
        assertThat(Files.readAllBytes(built.resolve("model.onnx")))
                .as("the same seed gives the same graph").isEqualTo(Files.readAllBytes(committed.resolve("model.onnx")));
        assertThat(Files.readString(built.resolve("artifact.json"))).isEqualTo(Files.readString(committed.resolve("artifact.json")));

        ModelSpec spec = ModelRepository.readSpecs(dir).get(0);
        ServedVersion fresh = ServedVersion.load(dir.resolve("order-return"), spec, 1);
        ServedVersion kept = ServedVersion.load(models().resolve("order-return"), spec, 1);
        try {
            double[] rows = new double[4 * 600];
            int n = 0;
            for (int items = 1; items <= 500; items += 50) {
                for (int channel = 0; channel < 3; channel++) {
                    for (double discount = 0; discount <= 1; discount += 0.25) {
                        rows[4 * n] = items;
                        rows[4 * n + 1] = discount;
                        rows[4 * n + 2] = channel;
                        rows[4 * n + 3] = (n * 37) % 3000;
                        n++;
                    }
                }
            }
            double[] a = new double[n];
            double[] b = new double[n];
            fresh.predict(rows, n, a);
            kept.predict(rows, n, b);
            assertThat(a).containsExactly(b);

            JsonNode checks = new ObjectMapper().readTree(built.resolve("artifact.json").toFile())
                    .at("/training/check_rows");
            assertThat(checks).hasSize(5);
            for (JsonNode c : checks) {
                double[] row = {c.get("items_in_order").asDouble(), c.get("discount_ratio").asDouble(),
                        c.get("channel").asDouble(), c.get("customer_tenure_days").asDouble()};
                double[] out = new double[1];
                kept.predict(row, 1, out);
                assertThat(out[0]).as("ONNX Runtime against scikit-learn on %s", c)
                        .isCloseTo(c.get("probability").asDouble(), org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        } finally {
            fresh.retire();
            kept.retire();
        }
    }

    @Test
    void itsInputsAreCheckedAgainstItsOwnRanges() throws IOException {
        ModelSpec spec = ModelRepository.readSpecs(models()).stream().filter(s -> s.name().equals("order-return"))
                .findFirst().orElseThrow();
        assertThat(spec.input("discount_ratio").orElseThrow().accepts(0.35)).isTrue();
        assertThat(spec.input("discount_ratio").orElseThrow().accepts(1.5)).isFalse();
        assertThat(spec.input("channel").orElseThrow().accepts(2)).isTrue();
        assertThat(spec.input("channel").orElseThrow().accepts(3)).isFalse();
        assertThat(spec.input("items_in_order").orElseThrow().accepts(0)).isFalse();
    }
}
