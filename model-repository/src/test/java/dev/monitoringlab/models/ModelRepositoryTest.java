package dev.monitoringlab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
    @TempDir
    Path dir;

    static Path checkout() {
        return Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize();
    }

    static String storeSpec() throws IOException {
        return Files.readString(ModelRepository.inCheckout(checkout()).resolve("store-success/model.json"));
    }

    @Test
    void theCommittedStoreModelDescriptorReadsWithoutTraining() {
        List<ModelSpec> specs = ModelRepository.readSpecs(ModelRepository.inCheckout(checkout()));
        ModelSpec store = specs.stream().filter(s -> s.name().equals("store-success")).findFirst().orElseThrow();
        assertThat(store.version()).isEqualTo("1");
        assertThat(store.task()).isEqualTo(ModelSpec.Task.BINARY_CLASSIFICATION);
        assertThat(store.inputNames()).containsExactly("items_count", "customers_count");
        assertThat(store.input("items_count").orElseThrow().type()).isEqualTo(Datatype.INT32);
        assertThat(store.input("items_count").orElseThrow().max()).isEqualTo(1_000_000.0);
        assertThat(store.output("probability").orElseThrow().type()).isEqualTo(Datatype.FP64);
        assertThat(store.className(1)).isEqualTo("successful");
        assertThat(store.className(0)).isEqualTo("normal");
    }

    @Test
    void aRangeAcceptsWholeNumbersOfItsTypeOnly() throws IOException {
        InputSpec items = ModelRepository.parseSpec(storeSpec(), "x").input("items_count").orElseThrow();
        assertThat(items.accepts(12.0)).isTrue();
        assertThat(items.accepts(0)).isTrue();
        assertThat(items.accepts(1_000_000)).isTrue();
        assertThat(items.accepts(12.5)).isFalse();
        assertThat(items.accepts(-1)).isFalse();
        assertThat(items.accepts(1_000_001)).isFalse();
        assertThat(items.accepts(Double.NaN)).isFalse();
        InputSpec channel = new InputSpec("channel", "INT32", InputSpec.Kind.CATEGORY, null, null, 0.0, 5.0,
                Map.of("0", "web", "2", "shop"));
        assertThat(channel.accepts(2)).isTrue();
        assertThat(channel.accepts(1)).as("a code within the range but not listed").isFalse();
    }

    @Test
    void badDescriptorsAreRefusedWithOneLineNamingFileAndField() throws IOException {
        String good = storeSpec();
        assertRefused(good.replace("\"task\"", "\"taks\": 1, \"task\""), "unknown field 'taks'");
        assertRefused(good.replace("\"name\": \"store-success\",", ""), "required field missing (name)");
        assertRefused(good.replace("\"store-success\"", "\"Store Success\""), "name 'Store Success' must be lower-case");
        assertRefused(good.replace("\"version\": \"1\"", "\"version\": \"v1\""), "version 'v1' must be a positive whole number");
        assertRefused(good.replace("\"binary_classification\"", "\"regression\""), "task: 'regression' is not a valid value (one of binary_classification)");
        assertRefused(good.replaceFirst("\"INT32\"", "\"INT33\""), "inputs[0]: items_count: datatype 'INT33' is not a numeric");
        assertRefused(good.replaceFirst("\"INT32\"", "\"FP32\""), "inputs[0]: items_count: a count needs an integral datatype");
        assertRefused(good.replaceFirst("\"max\": 1000000", "\"max\": 1e12"), "inputs[0]: items_count: min 0.0 and max 1.0E12 must be values of INT32");
        assertRefused(good.replace("\"customers_count\"", "\"items_count\""), "inputs[1]: name 'items_count' is used twice");
        assertRefused(good.replace("\"label\": 0,", "\"label\": 2,"), "classes: a binary classifier has exactly the classes 0 and 1, got [1, 2]");
        assertRefused(good.replace("\"probability\",", "\"score\","), "outputs: a binary classifier has the outputs 'label' and 'probability'");
        assertRefused(good.replaceFirst("\"min\": 0", "\"min\": \"zero\""), "inputs[0].min: 'zero' is not a valid double");
        assertRefused(good.substring(0, good.length() - 10), "Unexpected end-of-input");
    }

    private void assertRefused(String json, String reason) throws IOException {
        Files.createDirectories(dir.resolve("m"));
        Path file = Files.writeString(dir.resolve("m/model.json"), json);
        assertThatThrownBy(() -> ModelRepository.readSpec(file))
                .isInstanceOf(ModelSpecException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFolderMustCarryItsModelsName() throws IOException {
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/model.json"), storeSpec());
        Files.createDirectories(dir.resolve("not-a-model"));
        assertThatThrownBy(() -> ModelRepository.readSpecs(dir))
                .hasMessageContaining("name 'store-success' differs from its folder 'other'");
        assertThatThrownBy(() -> ModelRepository.readSpecs(dir.resolve("absent")))
                .hasMessageContaining("is not a directory");
    }

    @Test
    void versionsAreWholeNumbersInNumericOrder() throws IOException {
        for (String v : List.of("9", "10", "1", "tmp", "01", "0")) {
            Files.createDirectories(dir.resolve(v));
        }
        assertThat(ModelRepository.versions(dir)).containsExactly(1L, 9L, 10L);
        assertThat(ModelRepository.latestVersion(dir)).contains(10L);
        assertThat(ModelRepository.latestVersion(dir.resolve("tmp"))).isEmpty();
    }

    @Test
    void anArtifactNeedsAReferenceForEveryInputAndOutputAndItsOwnFile() throws IOException {
        ModelSpec spec = ModelRepository.parseSpec(storeSpec(), "x");
        Path version = Files.createDirectories(dir.resolve("1"));
        byte[] model = "model bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(version.resolve("model.onnx"), model);
        Distribution d = new Distribution(List.of(1.0, 2.0), List.of(0.25, 0.5, 0.25));
        ModelArtifact artifact = new ModelArtifact(ModelArtifact.Format.ONNX, "model.onnx",
                ModelRepository.sha256(version.resolve("model.onnx")), "test", "1", "none", Map.of(),
                new ModelArtifact.Metrics(0.8, 0.9, 100),
                new ModelArtifact.Reference("training deciles", Map.of("items_count", d, "customers_count", d),
                        Map.of("label", d, "probability", d)));
        ModelRepository.json().writeValue(version.resolve(ModelArtifact.FILE_NAME).toFile(), artifact);
        ModelArtifact read = ModelRepository.readArtifact(version, spec);
        assertThat(read).isEqualTo(artifact);
        assertThat(ModelRepository.verifyFile(version, read)).isEqualTo(version.resolve("model.onnx"));

        Files.write(version.resolve("model.onnx"), "model byte".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ModelRepository.verifyFile(version, read))
                .hasMessageContaining("differs from " + artifact.sha256());

        ModelArtifact noOutput = new ModelArtifact(artifact.format(), artifact.file(), artifact.sha256(), null, null,
                null, null, artifact.metrics(), new ModelArtifact.Reference(null, artifact.reference().inputs(),
                Map.of("label", d)));
        ModelRepository.json().writeValue(version.resolve(ModelArtifact.FILE_NAME).toFile(), noOutput);
        assertThatThrownBy(() -> ModelRepository.readArtifact(version, spec))
                .hasMessageContaining("reference.outputs.probability: missing");

        ModelArtifact badShares = new ModelArtifact(artifact.format(), artifact.file(), artifact.sha256(), null, null,
                null, null, artifact.metrics(), new ModelArtifact.Reference(null, Map.of("items_count", d,
                "customers_count", new Distribution(List.of(1.0), List.of(0.5, 0.4))), artifact.reference().outputs()));
        ModelRepository.json().writeValue(version.resolve(ModelArtifact.FILE_NAME).toFile(), badShares);
        assertThatThrownBy(() -> ModelRepository.readArtifact(version, spec))
                .hasMessageContaining("reference.inputs.customers_count: shares must add up to 1");

        ModelArtifact escape = new ModelArtifact(artifact.format(), "../model.onnx", artifact.sha256(), null, null,
                null, null, artifact.metrics(), artifact.reference());
        ModelRepository.json().writeValue(version.resolve(ModelArtifact.FILE_NAME).toFile(), escape);
        assertThatThrownBy(() -> ModelRepository.readArtifact(version, spec))
                .hasMessageContaining("file '../model.onnx' must be a plain file name");
    }
}
