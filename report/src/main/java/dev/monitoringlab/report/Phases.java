package dev.monitoringlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The phases file the capture script writes while it runs a scenario, one line per phase:
 * <pre>
 * scenario,phase,expect,start,end
 * cpu,load 2m,quiet,2026-11-21T06:00:00.120Z,2026-11-21T06:02:00.180Z
 * </pre>
 * {@code expect} is {@code alert} or {@code quiet}. Lines starting with # are comments.
 */
public final class Phases {
    public static final String HEADER = "scenario,phase,expect,start,end";

    private Phases() {
    }

    public static List<Phase> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    public static List<Phase> parse(List<String> lines, String source) {
        List<Phase> out = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": first line must be '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 5 comma-separated fields, got "
                        + f.length);
            }
            if (!f[2].equals("alert") && !f[2].equals("quiet")) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expect must be 'alert' or 'quiet', not '"
                        + f[2] + "'");
            }
            try {
                out.add(new Phase(f[0].strip(), f[1].strip(), f[2].equals("alert"), Instant.parse(f[3].strip()),
                        Instant.parse(f[4].strip())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not an ISO-8601 instant: "
                        + e.getParsedString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        out.sort(Comparator.comparing(Phase::start));
        return out;
    }

    public static List<Phase> of(List<Phase> all, String scenario) {
        return all.stream().filter(p -> p.scenario().equals(scenario)).toList();
    }
}
