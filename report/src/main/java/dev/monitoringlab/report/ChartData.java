package dev.monitoringlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monitoringlab.settings.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A chart's whole content as JSON (the series as Prometheus answered them, the phases, the firing windows, titles and
 * axes), kept in {@code evidence/raw/charts/} beside each PNG, so that a chart can be drawn again from the capture
 * (`report redraw`) when the drawing changes, without running the capture again.
 */
public final class ChartData {
    /** Where, under an evidence folder, the chart data lives. */
    public static final String FOLDER = "raw/charts";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private ChartData() {
    }

    /** Thrown for a file that is not chart data; the message names the file and what is wrong, in one line. */
    public static final class BadChartData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadChartData(Path file, String problem) {
            super(file + ": " + problem);
        }
    }

    /** The data file of a chart: {@code evidence/raw/charts/model-result.json} for {@code model-result.png}. */
    public static Path fileFor(Path evidence, String chartFile) {
        return evidence.resolve(FOLDER).resolve(chartFile.replaceFirst("\\.png$", "") + ".json");
    }

    public static Path write(Charts.Spec spec, Path file) throws IOException {
        return AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(spec)) + "\n");
    }

    static ObjectNode toJson(Charts.Spec spec) {
        ObjectNode n = JSON.createObjectNode();
        n.put("title", spec.title());
        spec.subtitles().forEach(n.putArray("subtitles")::add);
        n.put("yLabel", spec.yLabel());
        n.put("yMin", spec.yMin());
        n.put("yMax", spec.yMax());
        ArrayNode thresholds = n.putArray("thresholds");
        spec.thresholds().forEach(t -> thresholds.addObject().put("value", t.value()).put("label", t.label()));
        ArrayNode lines = n.putArray("lines");
        for (Charts.Line l : spec.lines()) {
            ObjectNode line = lines.addObject().put("name", l.name());
            ArrayNode points = line.putArray("points");
            // JSON has no NaN or infinity (Prometheus answers NaN for 0/0): those values are written as strings
            l.points().forEach(p -> {
                ArrayNode point = points.addArray().add(p[0]);
                if (Double.isFinite(p[1])) {
                    point.add(p[1]);
                } else {
                    point.add(Double.toString(p[1]));
                }
            });
        }
        bands(n.putArray("phases"), spec.phases());
        bands(n.putArray("firing"), spec.firing());
        n.put("from", spec.from().toString());
        n.put("to", spec.to().toString());
        return n;
    }

    private static void bands(ArrayNode array, List<Charts.Band> bands) {
        for (Charts.Band b : bands) {
            ObjectNode o = array.addObject().put("label", b.label()).put("kind", b.kind().name())
                    .put("start", b.interval().start().toString());
            if (b.interval().end() == null) {
                o.putNull("end");
            } else {
                o.put("end", b.interval().end().toString());
            }
        }
    }

    public static Charts.Spec read(Path file) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadChartData(file, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (n == null || !n.isObject()) {
            throw new BadChartData(file, "not a chart's data (a JSON object with title, lines, from and to)");
        }
        Reader r = new Reader(file);
        try {
            return new Charts.Spec(r.text(n, "title"), r.list(n, "subtitles", e -> r.text(e, null)), r.text(n, "yLabel"),
                    r.list(n, "lines", l -> new Charts.Line(r.text(l, "name"), r.list(l, "points", p -> {
                        if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber()
                                || !(p.get(1).isNumber() || NON_FINITE.contains(p.get(1).asText()))) {
                            throw new BadChartData(file, "a point must be [unix seconds, value] (value a number, "
                                    + "\"NaN\", \"Infinity\" or \"-Infinity\"), got " + p);
                        }
                        return new double[] {p.get(0).asDouble(), p.get(1).isNumber() ? p.get(1).asDouble()
                                : Double.parseDouble(p.get(1).asText())};
                    }))), r.number(n, "yMin"), r.number(n, "yMax"),
                    r.list(n, "thresholds", t -> new Charts.Threshold(r.number(t, "value"), r.text(t, "label"))),
                    r.list(n, "phases", r::band), r.list(n, "firing", r::band), r.instant(n, "from"), r.instant(n, "to"));
        } catch (IllegalArgumentException e) {
            throw new BadChartData(file, e.getMessage());
        }
    }

    /** Reads fields and names the file and the field in any error. */
    private record Reader(Path file) {
        String text(JsonNode n, String field) {
            JsonNode v = field == null ? n : n.get(field);
            if (v == null || !v.isTextual()) {
                throw new BadChartData(file, (field == null ? "an entry" : "'" + field + "'") + " must be a string");
            }
            return v.asText();
        }

        double number(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isNumber()) {
                throw new BadChartData(file, "'" + field + "' must be a number");
            }
            return v.asDouble();
        }

        Instant instant(JsonNode n, String field) {
            String v = text(n, field);
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new BadChartData(file, "'" + field + "' must be an ISO-8601 instant, got '" + v + "'");
            }
        }

        <T> List<T> list(JsonNode n, String field, Function<JsonNode, T> each) {
            JsonNode v = n.get(field);
            if (v == null || !v.isArray()) {
                throw new BadChartData(file, "'" + field + "' must be a list");
            }
            List<T> out = new ArrayList<>();
            v.forEach(e -> out.add(each.apply(e)));
            return out;
        }

        Charts.Band band(JsonNode b) {
            JsonNode end = b.get("end");
            Charts.Kind kind;
            try {
                kind = Charts.Kind.valueOf(text(b, "kind"));
            } catch (IllegalArgumentException e) {
                throw new BadChartData(file, "a band's 'kind' must be LOAD or QUIET, got '" + b.get("kind").asText() + "'");
            }
            return new Charts.Band(text(b, "label"), new Interval(instant(b, "start"),
                    end == null || end.isNull() ? null : instant(b, "end")), kind);
        }
    }
}
