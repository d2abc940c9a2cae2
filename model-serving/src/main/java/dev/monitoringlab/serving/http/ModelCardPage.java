package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * The model card and the API as a self-contained HTML page rendered from the OpenAPI document (no scripts, no
 * CDN), at {@code /model}: it works offline and without JavaScript
 * and can never disagree with {@code /openapi.json}. The interactive page is {@link SwaggerUi} at {@code /docs}.
 */
final class ModelCardPage {
    private static final ObjectMapper PRETTY = new ObjectMapper();
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}h2{border-bottom:1px solid #ccc;margin-top:2rem}"
            + ".op{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}"
            + ".m{display:inline-block;min-width:4rem;font-weight:bold;color:#fff;background:#3b7;"
            + "border-radius:4px;padding:0 .4rem;text-align:center}.m.post{background:#37b}"
            + "pre{background:#f6f6f6;padding:.5rem;overflow:auto}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}";

    private ModelCardPage() {
    }

    static String render(JsonNode api) {
        StringBuilder h = new StringBuilder(16_384);
        JsonNode info = api.path("info");
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(info.path("title").asText())).append(" API</title><style>").append(STYLE)
                .append("</style></head><body><h1>").append(esc(info.path("title").asText())).append(" <small>")
                .append(esc(info.path("version").asText())).append("</small></h1><p>")
                .append(esc(info.path("description").asText()))
                .append("</p><p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a></p>");
        modelCard(h, api.path("x-model"));
        h.append("<h2>Endpoints</h2>");
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operation(h, path.getKey(), op.getKey(), op.getValue());
            }
        }
        h.append("<h2>Schemas</h2>");
        for (Iterator<Map.Entry<String, JsonNode>> s = api.path("components").path("schemas").fields(); s.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = s.next();
            schema(h, schema.getKey(), schema.getValue());
        }
        return h.append("</body></html>\n").toString();
    }

    private static void modelCard(StringBuilder h, JsonNode model) {
        if (model.isMissingNode()) {
            return;
        }
        h.append("<h2>Model</h2><table>");
        row(h, "name", model.path("name").asText());
        row(h, "version", model.path("version").asText());
        row(h, "algorithm", model.path("algorithm").asText());
        row(h, "library", model.path("library").asText() + " " + model.path("library_version").asText());
        row(h, "features", model.path("features").toString());
        row(h, "classes", model.path("classes").toString());
        row(h, "training data sha256", model.path("training_data").path("sha256").asText());
        row(h, "held-out accuracy", model.path("metrics").path("accuracy").asText());
        row(h, "held-out ROC AUC", model.path("metrics").path("roc_auc").asText());
        h.append("</table>");
    }

    private static void operation(StringBuilder h, String path, String method, JsonNode op) {
        h.append("<div class=\"op\" id=\"").append(esc(method + path)).append("\"><h3><span class=\"m ")
                .append(esc(method)).append("\">").append(esc(method.toUpperCase(java.util.Locale.ROOT)))
                .append("</span> <code>").append(esc(path)).append("</code></h3><p>")
                .append(esc(op.path("summary").asText())).append("</p>");
        if (op.has("description")) {
            h.append("<p>").append(esc(op.path("description").asText())).append("</p>");
        }
        JsonNode examples = op.path("requestBody").path("content").path("application/json").path("examples");
        for (Iterator<Map.Entry<String, JsonNode>> ex = examples.fields(); ex.hasNext(); ) {
            Map.Entry<String, JsonNode> e = ex.next();
            h.append("<p>Request example <em>").append(esc(e.getKey())).append("</em>:</p><pre>")
                    .append(esc(pretty(e.getValue().path("value")))).append("</pre>");
        }
        h.append("<table><tr><th>status</th><th>meaning</th></tr>");
        for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
            Map.Entry<String, JsonNode> resp = r.next();
            row(h, resp.getKey(), resp.getValue().path("description").asText());
        }
        h.append("</table></div>");
    }

    private static void schema(StringBuilder h, String name, JsonNode schema) {
        h.append("<h3 id=\"schema-").append(esc(name)).append("\">").append(esc(name))
                .append("</h3><table><tr><th>field</th><th>type</th><th>rules</th><th>meaning</th></tr>");
        for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = p.next();
            JsonNode v = prop.getValue();
            StringBuilder rules = new StringBuilder();
            for (String k : new String[] {"minimum", "maximum", "minItems", "maxItems", "enum"}) {
                if (v.has(k)) {
                    rules.append(k).append(' ').append(v.get(k)).append("; ");
                }
            }
            String type = v.has("$ref") ? v.get("$ref").asText() : v.path("type").asText()
                    + (v.has("items") ? " of " + v.path("items").path("$ref").asText() : "");
            h.append("<tr><td><code>").append(esc(prop.getKey())).append("</code></td><td>").append(esc(type))
                    .append("</td><td>").append(esc(rules.toString())).append("</td><td>")
                    .append(esc(v.path("description").asText())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><td>").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }

    private static String pretty(JsonNode n) {
        try {
            return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
