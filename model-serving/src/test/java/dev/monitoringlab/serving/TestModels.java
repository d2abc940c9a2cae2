package dev.monitoringlab.serving;

import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import dev.monitoringlab.serving.model.ModelLoadException;
import dev.monitoringlab.serving.model.StoreModel;
import dev.monitoringlab.serving.model.StoreModelTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One model trained per test JVM from the default data set, in a temp dir, shared by the HTTP tests. */
public final class TestModels {
    private static Path dir;
    private static StoreModel model;

    private TestModels() {
    }

    public static synchronized Path modelDir() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("store-model-test");
                Path csv = root.resolve("stores_dataset.csv");
                DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, DatasetGenerator.DEFAULT_ROWS), csv);
                StoreModelTrainer.train(csv, DatasetGenerator.DEFAULT_SEED, root.resolve("model"));
                dir = root.resolve("model");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static Path repository;

    /** A model repository with store-success version 1 (Tribuo), trained from the same data as {@link #model()}. */
    public static synchronized Path repository() {
        if (repository == null) {
            try {
                Path root = Files.createTempDirectory("store-repository-test");
                Path csv = root.resolve("stores_dataset.csv");
                DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, DatasetGenerator.DEFAULT_ROWS), csv);
                StoreModelTrainer.train(csv, DatasetGenerator.DEFAULT_SEED, root.resolve("model"),
                        new StoreModelTrainer.RepositoryTarget(root.resolve("repository"), storeSpec(),
                                ModelArtifact.Format.TRIBUO));
                repository = root.resolve("repository");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return repository;
    }

    /** The committed models/store-success/model.json of the checkout. */
    public static Path storeSpec() {
        return ModelRepository.inCheckout(Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize())
                .resolve("store-success").resolve(ModelSpec.FILE_NAME);
    }

    public static synchronized StoreModel model() {
        if (model == null) {
            try {
                model = StoreModel.load(modelDir());
            } catch (ModelLoadException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return model;
    }
}
