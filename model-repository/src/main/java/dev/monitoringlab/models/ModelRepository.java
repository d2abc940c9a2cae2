package dev.monitoringlab.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A model repository on disk, laid out as Triton and KServe lay theirs out:
 * <pre>
 * &lt;repository&gt;/&lt;model&gt;/model.json                 the descriptor ({@link ModelSpec}), committed
 * &lt;repository&gt;/&lt;model&gt;/&lt;version&gt;/artifact.json     what training wrote ({@link ModelArtifact})
 * &lt;repository&gt;/&lt;model&gt;/&lt;version&gt;/model.onnx        the file artifact.json names (or model.tribuo)
 * </pre>
 * Versions are positive integers; the highest version that loads is the one served. Every problem is reported as
 * one line naming the file and the reason ({@link ModelSpecException}).
 */
public final class ModelRepository {
    /** The committed repository of the checkout: one folder per model with its model.json and training code. */
    public static final String CHECKOUT_FOLDER = "models";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ModelRepository() {
    }

    /** The Jackson mapper that reads and writes the repository's files as this class checks them. */
    public static ObjectMapper json() {
        return JSON.copy();
    }

    /** The committed repository folder of a checkout, e.g. {@code models/} under the project's root. */
    public static Path inCheckout(Path labRoot) {
        return labRoot.resolve(CHECKOUT_FOLDER);
    }

    /** Every model descriptor of a repository, sorted by name; a folder without model.json is not a model. */
    public static List<ModelSpec> readSpecs(Path repository) {
        if (!Files.isDirectory(repository)) {
            throw new ModelSpecException("model repository " + repository + " is not a directory");
        }
        List<ModelSpec> specs = new ArrayList<>();
        try (Stream<Path> folders = Files.list(repository)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path file = folder.resolve(ModelSpec.FILE_NAME);
                if (Files.isRegularFile(file)) {
                    ModelSpec spec = readSpec(file);
                    if (!spec.name().equals(folder.getFileName().toString())) {
                        throw new ModelSpecException(file + ": name '" + spec.name() + "' differs from its folder '"
                                + folder.getFileName() + "'");
                    }
                    specs.add(spec);
                }
            }
        } catch (IOException e) {
            throw new ModelSpecException("cannot list model repository " + repository + ": " + e.getMessage(), e);
        }
        return specs;
    }

    /** One model.json, read and checked. */
    public static ModelSpec readSpec(Path file) {
        ModelSpec spec = read(file, ModelSpec.class);
        String problem = SpecChecks.problem(spec);
        if (problem != null) {
            throw new ModelSpecException(file + ": " + problem);
        }
        return spec;
    }

    /** A model.json from text, e.g. a resource; {@code origin} names it in errors. */
    public static ModelSpec parseSpec(String json, String origin) {
        ModelSpec spec = parse(json, ModelSpec.class, origin);
        String problem = SpecChecks.problem(spec);
        if (problem != null) {
            throw new ModelSpecException(origin + ": " + problem);
        }
        return spec;
    }

    /**
     * The artifact.json of a version folder, checked against the model's descriptor: a reference distribution for
     * every input and output, and the artifact file present. The file's SHA-256 is checked by {@link #verifyFile}.
     */
    public static ModelArtifact readArtifact(Path versionFolder, ModelSpec spec) {
        Path file = versionFolder.resolve(ModelArtifact.FILE_NAME);
        ModelArtifact artifact = read(file, ModelArtifact.class);
        String problem = SpecChecks.problem(artifact, spec);
        if (problem != null) {
            throw new ModelSpecException(file + ": " + problem);
        }
        return artifact;
    }

    /** The model file of a version, after checking it is the file training described (size and SHA-256). */
    public static Path verifyFile(Path versionFolder, ModelArtifact artifact) {
        Path model = versionFolder.resolve(artifact.file());
        String actual = sha256(model);
        if (!actual.equals(artifact.sha256())) {
            throw new ModelSpecException(model + ": SHA-256 " + actual + " differs from " + artifact.sha256()
                    + " in " + ModelArtifact.FILE_NAME + " (a partly copied or replaced file)");
        }
        return model;
    }

    /** The version folders of a model, lowest first: positive integer names only, other folders ignored. */
    public static List<Long> versions(Path modelFolder) {
        try (Stream<Path> folders = Files.list(modelFolder)) {
            return folders.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[1-9][0-9]{0,17}"))
                    .map(Long::valueOf)
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.toList());
        } catch (NoSuchFileException e) {
            throw new ModelSpecException("model folder " + modelFolder + " does not exist", e);
        } catch (IOException e) {
            throw new ModelSpecException("cannot list model folder " + modelFolder + ": " + e.getMessage(), e);
        }
    }

    /** The highest version folder of a model, if any. */
    public static Optional<Long> latestVersion(Path modelFolder) {
        List<Long> all = versions(modelFolder);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65_536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            throw new ModelSpecException(file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelSpecException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ModelSpecException(file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelSpecException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, type, file.toString());
    }

    private static <T> T parse(String text, Class<T> type, String origin) {
        try {
            T value = JSON.readValue(text, type);
            if (value == null) {
                throw new ModelSpecException(origin + ": empty, expected a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ModelSpecException(origin + ": " + oneLine(e), e);
        }
    }

    /** Jackson's message without the source excerpt and location lines, with the field's path in front. */
    static String oneLine(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) + ": " : "";
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field '" + u.getPropertyName() + "'";
            where = path(u).contains(".") ? path(u).substring(0, path(u).lastIndexOf('.')) + ": " : "";
        } else if (e instanceof InvalidFormatException f) {
            what = "'" + f.getValue() + "' is not a valid " + simple(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getOriginalMessage().startsWith("Missing required")) {
            what = "required field missing (" + m.getOriginalMessage().replaceAll(".*'([^']+)'.*", "$1") + ")";
        } else {
            what = e.getOriginalMessage();
            if (e.getLocation() != null && !(e instanceof JsonMappingException)) {
                what += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            }
        }
        return (where + what).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String simple(Class<?> type) {
        if (type.isEnum()) {
            return "value (one of " + Stream.of(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", ")) + ")";
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
