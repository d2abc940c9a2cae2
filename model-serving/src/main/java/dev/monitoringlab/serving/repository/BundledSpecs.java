package dev.monitoringlab.serving.repository;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The committed descriptors (models/ of the checkout), packed into the jar by the build. */
public final class BundledSpecs {
    public static final String STORE_SUCCESS = "store-success";

    private BundledSpecs() {
    }

    /** The descriptor of a committed model, e.g. {@code store-success}. */
    public static ModelSpec spec(String model) {
        String resource = "/models/" + model + "/" + ModelSpec.FILE_NAME;
        try (InputStream in = BundledSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar (build it with: mvn package)");
            }
            return ModelRepository.parseSpec(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
