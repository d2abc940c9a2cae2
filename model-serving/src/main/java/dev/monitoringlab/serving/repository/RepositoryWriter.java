package dev.monitoringlab.serving.repository;

import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes one version of a model into a repository the way a running service may watch it: the version folder is
 * filled under a name that is not a version ({@code .<version>.tmp...}) and renamed into place whole, so a reader
 * never sees half a version. The descriptor beside the versions is replaced by a rename too.
 */
public final class RepositoryWriter {
    private RepositoryWriter() {
    }

    /** Writes {@code <repository>/<spec.name>/model.json} (as {@code specText}) and the version folder. */
    public static Path writeVersion(Path repository, ModelSpec spec, String specText, String version,
                                    ModelArtifact artifact, byte[] modelFile) throws IOException {
        Path modelFolder = repository.toAbsolutePath().normalize().resolve(spec.name());
        Files.createDirectories(modelFolder);
        Path specTmp = Files.createTempFile(modelFolder, ".model", ".json.tmp");
        Files.writeString(specTmp, specText);
        Files.move(specTmp, modelFolder.resolve(ModelSpec.FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);

        Path target = modelFolder.resolve(version);
        Path tmp = Files.createTempDirectory(modelFolder, "." + version + ".tmp");
        try {
            Files.write(tmp.resolve(artifact.file()), modelFile);
            ModelRepository.json().writeValue(tmp.resolve(ModelArtifact.FILE_NAME).toFile(), artifact);
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
        return target;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
