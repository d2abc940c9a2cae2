package dev.monitoringlab.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreModelTest {

    @Test
    void trainedModelIsGoodOnHeldOutDataAndItsDescriptorSaysSo() {
        ModelDescriptor d = TestModels.model().descriptor();
        assertThat(d.metrics().accuracy()).isGreaterThan(0.8);
        assertThat(d.metrics().rocAuc()).isGreaterThan(0.88);
        assertThat(d.features()).containsExactly("items_count", "customers_count");
        assertThat(d.classes()).containsEntry("0", "normal").containsEntry("1", "successful");
        assertThat(d.library()).isEqualTo("tribuo");
        assertThat(d.libraryVersion()).isEqualTo("4.3.2");
        assertThat(d.trainingData().sha256()).hasSize(64);
        assertThat(d.split().trainRows() + d.split().testRows()).isEqualTo(d.trainingData().rows());
    }

    @Test
    void predictsLikeTheWorkshopExamples() {
        StoreModel m = TestModels.model();
        Prediction few = m.predict(1000, 1000);
        Prediction many = m.predict(2000, 5000);
        assertThat(few.storeClass()).isEqualTo(StoreClass.NORMAL);
        assertThat(many.storeClass()).isEqualTo(StoreClass.SUCCESSFUL);
        assertThat(many.probability()).isGreaterThan(0.99);
        // more customers, more items: never a lower probability of success
        assertThat(m.predict(1500, 1200).probability()).isGreaterThan(m.predict(1500, 800).probability());
        assertThat(m.predict(2500, 900).probability()).isGreaterThan(m.predict(1200, 900).probability());
        assertThat(m.predict(0, 0).probability()).isBetween(0.0, 0.01);
    }

    @Test
    void trainingIsReproducible(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("stores_dataset.csv");
        DatasetCsv.write(DatasetGenerator.generate(11, 1000), csv);
        StoreModelTrainer.train(csv, 11L, dir.resolve("a"));
        StoreModelTrainer.train(csv, 11L, dir.resolve("b"));
        assertThat(Files.readString(dir.resolve("a/descriptor.json")))
                .isEqualTo(Files.readString(dir.resolve("b/descriptor.json")))
                .doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT"); // no timestamp
        StoreModel a = StoreModel.load(dir.resolve("a"));
        StoreModel b = StoreModel.load(dir.resolve("b"));
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            int items = r.nextInt(3000);
            int customers = r.nextInt(2000);
            assertThat(a.predict(items, customers)).isEqualTo(b.predict(items, customers));
        }
    }

    @Test
    void missingOrBrokenModelDirectoriesGiveOneLineNamingThePath(@TempDir Path dir) throws Exception {
        Path good = TestModels.modelDir();
        assertOneLine(dir.resolve("nope"), "does not exist");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertOneLine(empty, "has no descriptor.json");

        Path badJson = copy(good, dir.resolve("bad-json"));
        Files.writeString(badJson.resolve("descriptor.json"), "{ not json");
        assertOneLine(badJson, "not a valid model descriptor");

        Path wrongFeatures = copy(good, dir.resolve("wrong-features"));
        Files.writeString(wrongFeatures.resolve("descriptor.json"), Files.readString(wrongFeatures
                .resolve("descriptor.json")).replace("\"items_count\", \"customers_count\"", "\"a\", \"b\"")
                .replace("[ \"items_count\", \"customers_count\" ]", "[ \"a\", \"b\" ]"));
        assertOneLine(wrongFeatures, "features");

        Path noReference = copy(good, dir.resolve("no-reference"));
        String descriptor = Files.readString(noReference.resolve("descriptor.json"));
        Files.writeString(noReference.resolve("descriptor.json"),
                descriptor.substring(0, descriptor.indexOf(",\n  \"reference\"")) + "\n}\n");
        assertOneLine(noReference, "no reference distributions");

        Path badReference = copy(good, dir.resolve("bad-reference"));
        Files.writeString(badReference.resolve("descriptor.json"), Files.readString(badReference
                .resolve("descriptor.json")).replaceFirst("\"shares\" : \\[ [0-9.]+", "\"shares\" : [ 0.7"));
        assertOneLine(badReference, "add up to 1");

        Path noModel = copy(good, dir.resolve("no-model"));
        Files.delete(noModel.resolve("model.tribuo"));
        assertOneLine(noModel, "is missing");

        Path garbage = copy(good, dir.resolve("garbage"));
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);
        Files.write(garbage.resolve("model.tribuo"), noise);
        assertOneLine(garbage, "not a readable Tribuo model");

        Path truncated = copy(good, dir.resolve("truncated"));
        byte[] bytes = Files.readAllBytes(truncated.resolve("model.tribuo"));
        Files.write(truncated.resolve("model.tribuo"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLine(truncated, "model.tribuo");
    }

    private static void assertOneLine(Path dir, String expected) {
        assertThatThrownBy(() -> StoreModel.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(expected).hasMessageContaining(dir.getFileName().toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : new String[] {"descriptor.json", "model.tribuo"}) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }
}
