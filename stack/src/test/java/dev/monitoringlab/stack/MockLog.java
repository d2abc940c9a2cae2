package dev.monitoringlab.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The model mock's log as the native stack writes it: one "ISO-8601 model_result=VALUE" line per value set. */
public final class MockLog {
    private MockLog() {
    }

    /** The mock's log under a stack's work folder. */
    public static Path of(Path work) {
        return work.resolve("data/logs/modelmock.log");
    }

    /** Times at which the mock set a value above {@code threshold}. */
    public static List<Instant> crossings(Path log, double threshold) throws IOException {
        List<Instant> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(" model_result=");
            if (parts.length == 2 && Double.parseDouble(parts[1]) > threshold) {
                out.add(Instant.parse(parts[0]));
            }
        }
        return out;
    }
}
