package dev.monitoringlab.serving.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Temp files and dirs are created owner-only; the data set and the model are meant to be read by others
 * (e.g. a container's unprivileged user), so they get the usual 644/755 before they are moved in place.
 */
public final class FilePermissions {
    private FilePermissions() {
    }

    public static void readableByAll(Path p, boolean directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
