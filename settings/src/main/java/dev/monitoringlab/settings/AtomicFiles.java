package dev.monitoringlab.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How every generator writes: whole or not at all, through a temp file beside the target and a rename. Generated
 * files are readable by all (Grafana and Alertmanager in containers run as other users), except those holding
 * secrets, which are owner-only from the first byte on.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static Path write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--")));
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    public static Path write(Path target, byte[] content) throws IOException {
        return write(target, content, false);
    }

    public static Path write(Path target, String text) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Writes each rendered file (path relative to {@code dir}, then its text) in the map's order; returns the paths. */
    public static List<Path> writeAll(Path dir, Map<String, String> files) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            written.add(write(dir.resolve(f.getKey()), f.getValue()));
        }
        return written;
    }

    /**
     * Deletes the files directly in {@code dir} named {@code *suffix} that are not in {@code keep} and whose text
     * {@code generated} recognises as ours: a renamed object must not live on under its old name, while files we
     * did not generate stay. A missing {@code dir} has nothing to remove.
     */
    public static void removeStale(Path dir, String suffix, Collection<Path> keep, Predicate<String> generated)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> files = Files.list(dir)) {
            stale = files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !keep.contains(p))
                    .filter(p -> generated.test(readOrEmpty(p)))
                    .toList();
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
    }

    private static String readOrEmpty(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
