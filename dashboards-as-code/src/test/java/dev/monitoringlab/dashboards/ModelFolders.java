package dev.monitoringlab.dashboards;

import static dev.monitoringlab.settings.testing.TestFiles.copyTree;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Path;

/** Test roots with a model repository: a copy of the committed models, and the second model rules-as-code tests use. */
final class ModelFolders {
    /** A model with three inputs, one of them named like one of the store model's (rules-as-code's test data). */
    static final String TEST_MODEL = "store-churn";

    private ModelFolders() {
    }

    /** Copies the project's committed {@code models/} under {@code root}. */
    static void copyCommitted(Path root) throws IOException {
        copyTree(ModelRepository.inCheckout(ProjectLayout.locate().root()), ModelRepository.inCheckout(root));
    }

    /** Adds the test model's folder to the repository under {@code root}; returns its descriptor. */
    static Path addTestModel(Path root) throws IOException {
        Path folder = ModelRepository.inCheckout(root).resolve(TEST_MODEL);
        copyTree(ProjectLayout.locate().root().resolve("rules-as-code/src/test/models").resolve(TEST_MODEL), folder);
        return folder.resolve("model.json");
    }
}
