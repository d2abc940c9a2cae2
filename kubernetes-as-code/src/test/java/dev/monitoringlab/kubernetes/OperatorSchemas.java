package dev.monitoringlab.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.monitoringlab.settings.testing.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Prometheus Operator's CRDs, which live outside the project in the workspace's {@code shared/k8s-schema/}, as
 * JSON schemas. Two changes make them check what the API server does: the {@code x-kubernetes-*} keywords are
 * dropped, and every object that lists its properties is closed ({@code additionalProperties: false}) unless it
 * preserves unknown fields, because the API server prunes an unknown field silently: a misspelt {@code webhookURL}
 * would vanish on apply, so here it is an error.
 */
final class OperatorSchemas {
    static final String DIR_PROPERTY = "k8s.schema.dir";
    private static final Map<String, String> FILE_BY_KIND = Map.of(
            "PrometheusRule", "monitoring.coreos.com_prometheusrules.yaml",
            "ServiceMonitor", "monitoring.coreos.com_servicemonitors.yaml",
            "PodMonitor", "monitoring.coreos.com_podmonitors.yaml",
            "AlertmanagerConfig", "monitoring.coreos.com_alertmanagerconfigs.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, ObjectNode> crdSchemas = new HashMap<>();
    private final Map<JsonNode, JsonSchema> compiled = new HashMap<>();

    private OperatorSchemas(Path dir) {
        this.dir = dir;
    }

    private static final SharedFolder SHARED = new SharedFolder("k8s-schema", DIR_PROPERTY, OperatorSchemas::complete);

    /** -Dk8s.schema.dir, else the nearest {@code shared/k8s-schema} beside lab.root or one of its parents. */
    static Optional<OperatorSchemas> locate() {
        return SHARED.locate().map(OperatorSchemas::new);
    }

    static String notFoundMessage() {
        return SHARED.notFoundMessage("Prometheus Operator CRDs", "monitoring.coreos.com_*.yaml", "the operator's CRDs");
    }

    private static boolean complete(Path dir) {
        return FILE_BY_KIND.values().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    static boolean isCustomResource(String kind) {
        return FILE_BY_KIND.containsKey(kind);
    }

    /** The openAPIV3Schema of {@code kind} at {@code version}, cleaned and closed as described above. */
    ObjectNode crdSchema(String kind, String version) {
        return crdSchemas.computeIfAbsent(kind + "/" + version, k -> {
            try {
                JsonNode crd = new YAMLMapper().readTree(dir.resolve(FILE_BY_KIND.get(kind)).toFile());
                for (JsonNode v : crd.path("spec").path("versions")) {
                    if (v.path("name").asText().equals(version)) {
                        ObjectNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                        close(schema);
                        return schema;
                    }
                }
                throw new IllegalArgumentException(kind + " has no version " + version + " in " + dir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the CRD of " + kind + ": " + e.getMessage(), e);
            }
        });
    }

    /** "path: message" per violation of the object against its kind's CRD. */
    List<String> errors(Map<String, Object> object) {
        String kind = (String) object.get("kind");
        String version = ((String) object.get("apiVersion")).replaceFirst(".*/", "");
        return errors(crdSchema(kind, version), JSON.valueToTree(object));
    }

    List<String> errors(JsonNode schema, JsonNode node) {
        JsonSchema s = compiled.computeIfAbsent(schema, factory::getSchema);
        List<String> out = new ArrayList<>();
        s.validate(node).forEach(m -> out.add(m.getInstanceLocation() + ": " + m.getMessage()));
        return out.stream().sorted().toList();
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.fieldNames().forEachRemaining(f -> {
                if (f.startsWith("x-kubernetes-")) {
                    drop.add(f);
                }
            });
            boolean preserves = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            o.remove(drop);
            if (o.has("properties") && !o.has("additionalProperties") && !preserves) {
                o.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                close(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(OperatorSchemas::close);
        }
    }
}
