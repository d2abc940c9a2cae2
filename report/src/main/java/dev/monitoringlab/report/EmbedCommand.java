package dev.monitoringlab.report;

import dev.monitoringlab.settings.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the evidence into the report: every block between {@code <!-- evidence:NAME -->} and
 * {@code <!-- /evidence:NAME -->} is replaced with the matching part of the evidence folder, so the tables in
 * REPORT.md always come from the files next to it. Unknown names and missing files are errors, not silent gaps.
 */
public final class EmbedCommand {
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- evidence:([a-z-]+) -->\\n(.*?)<!-- /evidence:\\1 -->\\n", Pattern.DOTALL);

    private EmbedCommand() {
    }

    /** What each block holds: a file of the evidence folder, or part of one. */
    static final Map<String, Function<Path, String>> SOURCES = Map.of(
            "cpu-timeline", dir -> timelineTables(dir.resolve("cpu-timeline.md")),
            "store-timeline", dir -> timelineTables(dir.resolve("store-timeline.md")),
            "model-firing", dir -> from(dir.resolve("model-mock-firing.md"), "Window "),
            "firing-model", dir -> tableOnly(dir.resolve("firing-model.md"), "| rule variant"),
            "mock-metrics", dir -> "```text\n" + read(dir.resolve("raw/modelmock-metrics.txt")) + "```\n",
            "node-metrics", dir -> "```text\n" + String.join("\n",
                    read(dir.resolve("raw/node-exporter-metrics.txt")).lines().limit(4).toList()) + "\n...\n```\n",
            "self-timeline", dir -> timelineTables(dir.resolve("self-timeline.md")),
            "store-drift", dir -> after(dir.resolve("store-timeline.md"), "## Other alerts"),
            "htop", dir -> "```text\n" + read(dir.resolve("raw/htop.txt")).lines().map(String::stripTrailing)
                    .collect(java.util.stream.Collectors.joining("\n")).replaceAll("^\n+|\\s+$", "") + "\n```\n",
            "alert-pages", dir -> AlertPages.table(dir.resolve("raw")));

    /** Returns the report with every block refreshed; throws on an unknown block or a missing file. */
    public static String embed(String report, Path evidence) {
        Matcher m = BLOCK.matcher(report);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Function<Path, String> source = SOURCES.get(m.group(1));
            if (source == null) {
                throw new IllegalArgumentException("unknown evidence block '" + m.group(1) + "'; known: "
                        + SOURCES.keySet());
            }
            String content = source.apply(evidence);
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- evidence:" + m.group(1) + " -->\n" + content
                    + "<!-- /evidence:" + m.group(1) + " -->\n"));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Path run(Path report, Path evidence) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8);
        return AtomicFiles.write(report, embed(text, evidence));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("evidence file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** From the line starting with {@code first} to the end. */
    private static String from(Path file, String first) {
        List<String> lines = read(file).lines().toList();
        int start = index(lines, first, file);
        return String.join("\n", lines.subList(start, lines.size())).strip() + "\n";
    }

    /** What follows the line starting with {@code heading}, to the end. */
    private static String after(Path file, String heading) {
        List<String> lines = read(file).lines().toList();
        int start = index(lines, heading, file) + 1;
        return String.join("\n", lines.subList(start, lines.size())).strip() + "\n";
    }

    /** The table starting at {@code first}, up to the first blank line. */
    private static String tableOnly(Path file, String first) {
        List<String> lines = read(file).lines().toList();
        int start = index(lines, first, file);
        int end = start;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return String.join("\n", lines.subList(start, end)) + "\n";
    }

    /** The event table and the verdict table of a timeline file. */
    private static String timelineTables(Path file) {
        List<String> lines = read(file).lines().toList();
        int start = index(lines, "| time (UTC)", file);
        int end = index(lines, "Every phase", file);
        return String.join("\n", lines.subList(start, end)).strip() + "\n";
    }

    private static int index(List<String> lines, String prefix, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalArgumentException(file + " has no line starting with '" + prefix + "'");
    }
}
