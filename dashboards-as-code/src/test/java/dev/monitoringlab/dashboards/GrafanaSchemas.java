package dev.monitoringlab.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.monitoringlab.settings.testing.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grafana's JSON schemas (from the Foundation SDK), which live outside the project in the workspace's
 * {@code shared/grafana-schema/}. Schemas are loaded by URI with a fragment, so their local
 * {@code #/definitions/...} references resolve against the whole file, not against the sub-schema.
 */
final class GrafanaSchemas {
    static final String DIR_PROPERTY = "grafana.schema.dir";

    private final Path dir;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonSchema> loaded = new HashMap<>();

    private GrafanaSchemas(Path dir) {
        this.dir = dir;
    }

    private static final SharedFolder SHARED = new SharedFolder("grafana-schema", DIR_PROPERTY, GrafanaSchemas::complete);

    /** -Dgrafana.schema.dir, else the nearest {@code shared/grafana-schema} beside lab.root or one of its parents. */
    static Optional<GrafanaSchemas> locate() {
        return SHARED.locate().map(GrafanaSchemas::new);
    }

    static String notFoundMessage() {
        return SHARED.notFoundMessage("Grafana JSON schemas", "dashboard.jsonschema.json", "Grafana's schemas");
    }

    private static boolean complete(Path dir) {
        return List.of("dashboard", "prometheus", "timeseries", "common").stream()
                .allMatch(n -> Files.isRegularFile(dir.resolve(n + ".jsonschema.json")));
    }

    Path dir() {
        return dir;
    }

    JsonSchema schema(String file, String definition) {
        String uri = dir.resolve(file + ".jsonschema.json").toUri() + "#/definitions/" + definition;
        return loaded.computeIfAbsent(uri, u -> factory.getSchema(SchemaLocation.of(u)));
    }

    JsonSchema dashboard() {
        return schema("dashboard", "Dashboard");
    }

    JsonSchema prometheusDataquery() {
        return schema("prometheus", "Dataquery");
    }

    JsonSchema timeseriesFieldConfig() {
        return schema("timeseries", "FieldConfig");
    }

    JsonSchema timeseriesOptions() {
        return schema("timeseries", "Options");
    }

    /** "path: message" per violation, e.g. {@code $.panels[0].gridPos.w: must have a maximum value of 24}. */
    static List<String> errors(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream()
                .map(GrafanaSchemas::describe)
                .sorted()
                .toList();
    }

    private static String describe(ValidationMessage m) {
        return m.getInstanceLocation() + ": " + m.getMessage();
    }
}
