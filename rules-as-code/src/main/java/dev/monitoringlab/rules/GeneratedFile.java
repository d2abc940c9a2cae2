package dev.monitoringlab.rules;

import dev.monitoringlab.settings.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A rendered file, written whole or not at all; a secret one is owner-only (0600). */
public record GeneratedFile(Path relativePath, String content, boolean secret) {

    public Path writeUnder(Path dir) throws IOException {
        return AtomicFiles.write(dir.resolve(relativePath), content.getBytes(StandardCharsets.UTF_8), secret);
    }
}
