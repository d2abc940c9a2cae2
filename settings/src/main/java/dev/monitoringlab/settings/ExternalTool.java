package dev.monitoringlab.settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A binary from a Debian package (promtool, amtool, prometheus, ...), found on PATH or said to be missing. */
public record ExternalTool(List<String> names, String debianPackage) {
    public static final ExternalTool PROMTOOL = new ExternalTool(List.of("promtool"), "prometheus");
    public static final ExternalTool PROMETHEUS = new ExternalTool(List.of("prometheus"), "prometheus");
    public static final ExternalTool AMTOOL = new ExternalTool(List.of("amtool"), "prometheus-alertmanager");
    public static final ExternalTool ALERTMANAGER =
            new ExternalTool(List.of("prometheus-alertmanager", "alertmanager"), "prometheus-alertmanager");
    public static final ExternalTool NODE_EXPORTER =
            new ExternalTool(List.of("prometheus-node-exporter", "node_exporter"), "prometheus-node-exporter");
    public static final ExternalTool VICTORIA_METRICS =
            new ExternalTool(List.of("victoria-metrics", "victoria-metrics-prod"), "victoria-metrics");

    /** Thrown when the binary is not installed; the message names the package. */
    public static final class MissingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MissingException(String message) {
            super(message);
        }
    }

    public Optional<Path> find() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public Path require() {
        return find().orElseThrow(() -> new MissingException(String.join("/", names) + " not found on PATH: install"
                + " the Debian package '" + debianPackage + "' (sudo apt-get install " + debianPackage
                + ", or run scripts/install-deps.sh)"));
    }
}
