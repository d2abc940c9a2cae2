package dev.monitoringlab.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.ModelSpecException;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import dev.monitoringlab.serving.model.StoreModelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store model exported to ONNX predicts what Tribuo predicts; both load from a repository version. */
class StoreOnnxExportTest {
    /**
     * The graph computes in FLOAT (32 bits) where Tribuo computes in double: the standardised inputs and the logits
     * keep about 7 significant digits, so probabilities agree to a few units in the 7th decimal (measured: below
     * 2e-7 on these inputs); 1e-6 leaves room without hiding a wrong weight or a swapped input.
     */
    static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    static Path storeSpec() {
        return ModelRepository.inCheckout(Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize())
                .resolve("store-success").resolve(ModelSpec.FILE_NAME);
    }

    @Test
    void onnxAndTribuoGiveTheSameProbabilitiesAndClasses() throws IOException {
        Path repository = dir.resolve("repository");
        Path csv = dir.resolve("stores.csv");
        DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, DatasetGenerator.DEFAULT_ROWS), csv);
        StoreModelTrainer.train(csv, DatasetGenerator.DEFAULT_SEED, dir.resolve("tribuo-model"),
                new StoreModelTrainer.RepositoryTarget(repository, storeSpec(), ModelArtifact.Format.TRIBUO));
        Path onnxRepository = dir.resolve("onnx-repository");
        StoreModelTrainer.train(csv, DatasetGenerator.DEFAULT_SEED, dir.resolve("onnx-model"),
                new StoreModelTrainer.RepositoryTarget(onnxRepository, storeSpec(), ModelArtifact.Format.ONNX));

        ModelSpec spec = ModelRepository.readSpecs(repository).get(0);
        assertThat(ModelRepository.readSpecs(onnxRepository)).containsExactly(spec);
        try (Predictor tribuo = open(repository.resolve("store-success/1"), spec, ModelArtifact.Format.TRIBUO);
             Predictor onnx = open(onnxRepository.resolve("store-success/1"), spec, ModelArtifact.Format.ONNX)) {
            // a grid over the training ranges and far beyond them, then random records of the full accepted range
            int n = 0;
            double[] rows = new double[2 * 3000];
            for (int items = 0; items <= 3000; items += 100) {
                for (int customers = 0; customers <= 2000; customers += 100) {
                    rows[2 * n] = items;
                    rows[2 * n++ + 1] = customers;
                }
            }
            SplittableRandom random = new SplittableRandom(7);
            while (n < 3000) {
                rows[2 * n] = random.nextInt(1_000_001);
                rows[2 * n++ + 1] = random.nextInt(1_000_001);
            }
            double[] expected = new double[n];
            double[] actual = new double[n];
            tribuo.predict(rows, n, expected);
            onnx.predict(rows, n, actual);
            double worst = 0;
            int bothClasses = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                if (Math.abs(expected[i] - 0.5) > TOLERANCE) {
                    assertThat(actual[i] >= 0.5).as("class of record %d", i).isEqualTo(expected[i] >= 0.5);
                }
                bothClasses |= expected[i] >= 0.5 ? 1 : 2;
            }
            assertThat(bothClasses).as("the grid holds records of both classes").isEqualTo(3);
            assertThat(worst).as("largest difference of the probabilities").isLessThanOrEqualTo(TOLERANCE);
            // and the same as the model the service has always served
            assertThat(expected[1]).isEqualTo(TestModels.model().predict(0, 100).probability());
        }
    }

    @Test
    void aVersionWhoseFileWasReplacedIsRefused() throws IOException {
        Path csv = dir.resolve("stores.csv");
        DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, 500), csv);
        Path repository = dir.resolve("repository");
        StoreModelTrainer.train(csv, 1L, dir.resolve("m"),
                new StoreModelTrainer.RepositoryTarget(repository, storeSpec(), ModelArtifact.Format.ONNX));
        Path version = repository.resolve("store-success/1");
        Files.writeString(version.resolve("model.onnx"), "not a graph");
        ModelSpec spec = ModelRepository.readSpecs(repository).get(0);
        ModelArtifact artifact = ModelRepository.readArtifact(version, spec);
        assertThatThrownBy(() -> ModelRepository.verifyFile(version, artifact))
                .isInstanceOf(ModelSpecException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> Artifacts.open(version.resolve("model.onnx"), ModelArtifact.Format.ONNX, spec))
                .isInstanceOf(ModelSpecException.class)
                .hasMessageStartingWith(version.resolve("model.onnx") + " is not a loadable ONNX model");
        assertThatThrownBy(() -> Artifacts.open(version.resolve("model.onnx"), ModelArtifact.Format.TRIBUO, spec))
                .isInstanceOf(ModelSpecException.class)
                .hasMessageStartingWith(version.resolve("model.onnx") + " is not a readable Tribuo model");
    }

    private static Predictor open(Path version, ModelSpec spec, ModelArtifact.Format format) {
        ModelArtifact artifact = ModelRepository.readArtifact(version, spec);
        assertThat(artifact.format()).isEqualTo(format);
        assertThat(artifact.reference().inputs().keySet()).containsExactlyElementsOf(List.of("items_count", "customers_count"));
        assertThat(artifact.reference().outputs().keySet()).containsExactly("label", "probability");
        return Artifacts.open(ModelRepository.verifyFile(version, artifact), artifact.format(), spec);
    }
}
