package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.http.Request;
import dev.monitoringlab.http.Response;
import dev.monitoringlab.serving.metrics.RejectReason;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import dev.monitoringlab.serving.model.Prediction;
import dev.monitoringlab.serving.model.StoreModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's routes; HTTP-server independent (they see a {@link Request}: method, path, header lookup and
 * body bytes), so the rules can be read in one place and a new route needs no server code.
 */
final class Routes {
    static final String PREDICT = "/predict";
    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi.json";
    static final String DOCS = "/docs";
    /** Every unknown path is counted under this one route label, so scanners cannot add series. */
    static final String OTHER = "other";

    private static final Map<String, String> ALLOWED = Map.of(PREDICT, "POST", HEALTH, "GET, HEAD",
            METRICS, "GET, HEAD", OPENAPI, "GET, HEAD", DOCS, "GET, HEAD");

    private final StoreModel model;
    private final ServingMetrics metrics;
    private final PredictRequestParser parser = new PredictRequestParser();
    private final ObjectMapper json = new ObjectMapper();
    private final Response health;
    private final Response openApi;
    private final Response docs;

    Routes(StoreModel model, ServingMetrics metrics) {
        this.model = model;
        this.metrics = metrics;
        this.health = Response.json(200, "{\"status\":\"ok\",\"model\":\"" + model.descriptor().name()
                + "\",\"version\":\"" + model.descriptor().version() + "\",\"metrics\":" + metrics.enabled() + "}");
        OpenApiDocument doc = OpenApiDocument.load(model.descriptor());
        this.openApi = new Response(200, "application/json", doc.json(), Map.of());
        this.docs = new Response(200, "text/html; charset=utf-8", DocsPage.render(doc.tree())
                .getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static String routeOf(String path) {
        return path != null && ALLOWED.containsKey(path) ? path : OTHER;
    }

    Response dispatch(String route, Request request) throws ApiException, IOException {
        String method = request.method();
        if (route.equals(OTHER)) {
            throw new ApiException(RejectReason.NOT_FOUND, "path", "no such route; see " + DOCS);
        }
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (route.equals(PREDICT) ? !method.equals("POST") : !get) {
            throw new ApiException(RejectReason.METHOD_NOT_ALLOWED, "method",
                    "method " + method + " is not allowed on " + route + "; use " + ALLOWED.get(route));
        }
        return switch (route) {
            case PREDICT -> predict(request);
            case HEALTH -> health;
            case METRICS -> scrape(request);
            case OPENAPI -> openApi;
            default -> docs;
        };
    }

    private Response predict(Request request) throws ApiException {
        String type = request.header("Content-Type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(RejectReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "Content-Type must be application/json, got " + (type == null ? "none" : "'" + type + "'"));
        }
        PredictRequestParser.Parsed parsed = parser.parse(request.body());
        List<int[]> records = parsed.records();
        StringBuilder sb = new StringBuilder(parsed.batch() ? 40 + records.size() * 64 : 64);
        if (parsed.batch()) {
            sb.append("{\"count\":").append(records.size()).append(",\"predictions\":[");
        }
        for (int i = 0; i < records.size(); i++) {
            int[] r = records.get(i);
            Prediction p = model.predict(r[0], r[1]);
            metrics.prediction(r[0], r[1], p);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"class\":\"").append(p.storeClass().displayName()).append("\",\"label\":")
                    .append(p.storeClass().label()).append(",\"probability\":").append(p.probability()).append('}');
        }
        if (parsed.batch()) {
            sb.append("]}");
        }
        return Response.json(200, sb.toString());
    }

    private Response scrape(Request request) throws ApiException, IOException {
        if (!metrics.enabled()) {
            throw new ApiException(RejectReason.NOT_FOUND, "path", "metrics are switched off (--no-metrics)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        String type = metrics.scrape(request.header("Accept"), out);
        return new Response(200, type, out.toByteArray(), Map.of());
    }

    Response rejected(String route, ApiException e) {
        metrics.rejected(e.reason());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("reason", e.reason().label());
        body.put("field", e.field());
        Map<String, String> extra = Map.of();
        if (e.reason() == RejectReason.METHOD_NOT_ALLOWED) {
            extra = Map.of("Allow", ALLOWED.getOrDefault(route, "GET"));
        }
        try {
            return new Response(e.reason().status(), "application/json", json.writeValueAsBytes(body), extra);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a map of strings always serialises", ex);
        }
    }
}
