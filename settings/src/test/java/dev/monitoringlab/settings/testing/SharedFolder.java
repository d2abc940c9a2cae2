package dev.monitoringlab.settings.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the tests find what lives outside the project, in the workspace's {@code shared/<folder>} (Grafana's JSON
 * schemas, the Prometheus Operator's CRDs): the folder named by a system property, else the nearest
 * {@code shared/<folder>} beside {@code lab.root} or one of its parents. A test that needs it fails with
 * {@link #notFoundMessage} when it is absent; it never skips.
 */
public record SharedFolder(String folder, String property, Predicate<Path> complete) {

    /** {@code -D<property>}, else the nearest complete {@code shared/<folder>} beside lab.root or its parents. */
    public Optional<Path> locate() {
        String explicit = System.getProperty(property);
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(complete);
        }
        Path root = Path.of(System.getProperty("lab.root", "")).toAbsolutePath().normalize();
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(folder);
            if (complete.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** "{@code <what>} not found: looked for shared/{@code <folder>}/{@code <file>} beside ... (or -D...): ...". */
    public String notFoundMessage(String what, String file, String usedFor) {
        return what + " not found: looked for shared/" + folder + "/" + file + " beside "
                + System.getProperty("lab.root", "(lab.root unset)") + " and its parents (or -D" + property
                + "): put the folder shared/ beside the checkout (the tests read " + usedFor + " from there)";
    }
}
