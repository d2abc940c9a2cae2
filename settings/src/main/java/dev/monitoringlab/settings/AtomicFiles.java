package dev.monitoringlab.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

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
}
