package dev.monitoringlab.rules;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.ModelSpecException;
import dev.monitoringlab.settings.ProjectLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * The models the per-model rules, panels and objects are generated for: the committed descriptors of the model
 * repository ({@code models/<name>/model.json} under the project root), read when the files are generated. A
 * model folder added there adds its alerts and panels at the next {@code mvn package}, without a Java change; a
 * bad descriptor stops generation with the reader's one line, before anything is written.
 */
public final class Models {
    /**
     * The workshop's model, for the entry points that predate the repository and take no model (the success share
     * the workshop's tests watch): its descriptor is read like any other.
     */
    public static final String WORKSHOP_MODEL = "store-success";

    private Models() {
    }

    /** Every committed descriptor under {@code root}; a repository without any model is refused. */
    public static List<ModelSpec> committed(Path root) {
        Path repository = ModelRepository.inCheckout(root);
        List<ModelSpec> specs = ModelRepository.readSpecs(repository);
        if (specs.isEmpty()) {
            throw new ModelSpecException("model repository " + repository + " holds no models/<name>/"
                    + ModelSpec.FILE_NAME + ": there is nothing to monitor");
        }
        return specs;
    }

    /** The committed descriptors of the project this code runs in (the build's {@code lab.root}). */
    public static List<ModelSpec> committed() {
        return committed(ProjectLayout.locate().root());
    }

    /** One committed descriptor by name. */
    public static ModelSpec named(String name) {
        return committed().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new ModelSpecException("model repository "
                        + ModelRepository.inCheckout(ProjectLayout.locate().root()) + " has no model " + name));
    }

    /**
     * The matcher that picks one model's series: {@code model="<name>"}. The serving side labels every series about a
     * model with it; a series without the label belongs to no model (with more than one model in the repository, an
     * unlabelled series counted for each would raise one alert per model for a single cause). Model names are
     * lower-case letters, digits and '-', so the name needs no escaping.
     */
    public static String matcher(ModelSpec model) {
        return "model=\"" + model.name() + "\"";
    }

    /** The name of the class with code 1, whose share {@code StoreSuccessRateLow} watches (the workshop's "successful"). */
    public static String positiveClass(ModelSpec model) {
        return model.className(1);
    }
}
