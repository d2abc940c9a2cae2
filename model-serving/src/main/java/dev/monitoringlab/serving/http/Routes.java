package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.http.Request;
import dev.monitoringlab.http.Response;
import dev.monitoringlab.serving.feedback.FeedbackStore;
import dev.monitoringlab.serving.metrics.RejectReason;
import dev.monitoringlab.serving.metrics.ServingMetrics;
import dev.monitoringlab.serving.model.StoreClass;
import dev.monitoringlab.serving.model.StoreModel;
import dev.monitoringlab.serving.repository.BundledSpecs;
import dev.monitoringlab.serving.repository.ModelRegistry;
import dev.monitoringlab.serving.repository.ServedVersion;
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
    static final String FEEDBACK = "/feedback";
    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi.json";
    static final String DOCS = "/docs";
    /** Swagger UI's script, style and icon, all counted under this one route label. */
    static final String DOCS_ASSETS = "/docs/assets";
    static final String MODEL = "/model";
    /** Every unknown path is counted under this one route label, so scanners cannot add series. */
    static final String OTHER = "other";

    private static final Map<String, String> ALLOWED = Map.of(PREDICT, "POST", FEEDBACK, "POST", HEALTH, "GET, HEAD",
            METRICS, "GET, HEAD", OPENAPI, "GET, HEAD", DOCS, "GET, HEAD", DOCS_ASSETS, "GET, HEAD", MODEL, "GET, HEAD");

    private final StoreModel model;
    private final ServingMetrics metrics;
    private final PredictRequestParser parser = new PredictRequestParser();
    private final FeedbackRequestParser feedbackParser = new FeedbackRequestParser();
    /** null: feedback is switched off (capacity 0), answers carry no id. */
    private final FeedbackStore feedback;
    private final ObjectMapper json = new ObjectMapper();
    private final Response openApi;
    private final Response modelCard;
    private final SwaggerUi swaggerUi;
    private final InferenceProtocol v2;
    private final ModelRegistry registry;
    /** /predict's model when the repository holds no store-success: the model directory's. */
    private final ServedVersion fallback;

    /** The model and version a request is about, for the metrics' labels; empty strings for none. */
    record Subject(String model, String version) {
        static final Subject NONE = new Subject("", "");
    }

    Routes(StoreModel model, ServingMetrics metrics, FeedbackStore feedback, ModelRegistry registry) {
        this.model = model;
        this.registry = registry;
        this.fallback = ServedVersion.fromModelDirectory(model, BundledSpecs.spec(BundledSpecs.STORE_SUCCESS));
        this.v2 = new InferenceProtocol(registry, metrics::predicted);
        if (registry.current(BundledSpecs.STORE_SUCCESS).isEmpty()) {
            metrics.loaded(fallback, null); // its held-out accuracy and drift scores, as for a repository version
        }
        this.feedback = feedback;
        this.metrics = metrics;
        OpenApiDocument doc = OpenApiDocument.load(model.descriptor());
        this.openApi = new Response(200, "application/json", doc.json(), Map.of());
        this.modelCard = new Response(200, "text/html; charset=utf-8", ModelCardPage.render(doc.tree())
                .getBytes(StandardCharsets.UTF_8), Map.of());
        this.swaggerUi = new SwaggerUi(OPENAPI, model.descriptor().name());
    }

    static String routeOf(String path) {
        if (path != null && path.startsWith(InferenceProtocol.PREFIX)) {
            InferenceProtocol.Target t = InferenceProtocol.parse(path);
            return t == null ? OTHER : t.route();
        }
        if (SwaggerUi.isAsset(path)) {
            return DOCS_ASSETS;
        }
        return path != null && ALLOWED.containsKey(path) && !path.equals(DOCS_ASSETS) ? path : OTHER;
    }

    Response dispatch(String route, Request request) throws ApiException, IOException {
        String method = request.method();
        if (route.equals(OTHER)) {
            throw new ApiException(RejectReason.NOT_FOUND, "path", "no such route; see " + DOCS);
        }
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (isV2(route)) {
            InferenceProtocol.Target target = InferenceProtocol.parse(request.path());
            if (target.post() ? !method.equals("POST") : !get) {
                throw new ApiException(RejectReason.METHOD_NOT_ALLOWED, "method",
                        "method " + method + " is not allowed on " + route + "; use " + allowed(route));
            }
            if (target.post() && request.header("Content-Type") != null) {
                requireJson(request); // clients that send no type are served: the body is JSON by protocol
            }
            return v2.handle(target, request.body());
        }
        boolean post = route.equals(PREDICT) || route.equals(FEEDBACK);
        if (post ? !method.equals("POST") : !get) {
            throw new ApiException(RejectReason.METHOD_NOT_ALLOWED, "method",
                    "method " + method + " is not allowed on " + route + "; use " + ALLOWED.get(route));
        }
        return switch (route) {
            case PREDICT -> predict(request);
            case FEEDBACK -> feedback(request);
            case HEALTH -> health();
            case METRICS -> scrape(request);
            case OPENAPI -> openApi;
            case DOCS -> swaggerUi.page();
            case DOCS_ASSETS -> swaggerUi.asset(request.path());
            default -> modelCard;
        };
    }

    private static void requireJson(Request request) throws ApiException {
        String type = request.header("Content-Type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(RejectReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "Content-Type must be application/json, got " + (type == null ? "none" : "'" + type + "'"));
        }
    }

    /** The store model version /predict answers with: the repository's store-success, else the model directory's. */
    private ServedVersion storeVersion() {
        ServedVersion v = registry.acquire(BundledSpecs.STORE_SUCCESS);
        if (v == null) {
            fallback.acquire(); // never retired: always succeeds
            v = fallback;
        }
        return v;
    }

    Subject subject(String route, String path) {
        if (route.equals(PREDICT) || route.equals(FEEDBACK)) {
            ServedVersion v = registry.current(BundledSpecs.STORE_SUCCESS).orElse(fallback);
            return new Subject(v.name(), v.version());
        }
        if (isV2(route)) {
            InferenceProtocol.Target t = InferenceProtocol.parse(path);
            ServedVersion v = t == null || t.model() == null ? null : registry.current(t.model()).orElse(null);
            if (v != null) {
                // a version that does not answer is labelled empty: clients cannot make series
                return new Subject(v.name(), t.version() == null || t.version().equals(v.version()) ? v.version() : "");
            }
        }
        return Subject.NONE;
    }

    private Response health() {
        ServedVersion v = registry.current(BundledSpecs.STORE_SUCCESS).orElse(fallback);
        return Response.json(200, "{\"status\":\"ok\",\"model\":\"" + v.name() + "\",\"version\":\"" + v.version()
                + "\",\"metrics\":" + metrics.enabled() + "}");
    }

    private Response predict(Request request) throws ApiException {
        requireJson(request);
        PredictRequestParser.Parsed parsed = parser.parse(request.body());
        List<int[]> records = parsed.records();
        int n = records.size();
        double[] rows = new double[2 * n];
        for (int i = 0; i < n; i++) {
            rows[2 * i] = records.get(i)[0];
            rows[2 * i + 1] = records.get(i)[1];
        }
        double[] probabilities = new double[n];
        ServedVersion v = storeVersion();
        try {
            v.predict(rows, n, probabilities);
            metrics.predicted(v, rows, n, probabilities);
        } finally {
            v.release();
        }
        StringBuilder sb = new StringBuilder(parsed.batch() ? 40 + n * 64 : 64);
        if (parsed.batch()) {
            sb.append("{\"count\":").append(n).append(",\"predictions\":[");
        }
        for (int i = 0; i < n; i++) {
            StoreClass c = StoreClass.ofLabel(ServedVersion.label(probabilities[i]));
            if (i > 0) {
                sb.append(',');
            }
            sb.append('{');
            if (feedback != null) {
                sb.append("\"id\":\"").append(feedback.remember(c.label())).append("\",");
            }
            sb.append("\"class\":\"").append(c.displayName()).append("\",\"label\":")
                    .append(c.label()).append(",\"probability\":").append(probabilities[i]).append('}');
        }
        if (parsed.batch()) {
            sb.append("]}");
        }
        return Response.json(200, sb.toString());
    }

    /**
     * Counts each label once. A batch is all or nothing: every id is checked before any is counted, so a client
     * can resend a refused batch after fixing it without counting the good half twice.
     */
    private Response feedback(Request request) throws ApiException {
        if (feedback == null) {
            throw new ApiException(RejectReason.NOT_FOUND, "path",
                    "feedback is switched off (setting store.feedback.capacity is 0)");
        }
        requireJson(request);
        FeedbackRequestParser.Parsed parsed = feedbackParser.parse(request.body());
        for (FeedbackRequestParser.Label l : parsed.labels()) {
            FeedbackStore.Outcome o = feedback.check(l.id());
            if (o == FeedbackStore.Outcome.UNKNOWN) {
                throw new ApiException(RejectReason.UNKNOWN_ID, l.field(), l.field() + " '" + shorten(l.id())
                        + "' is not the id of a prediction of this service (ids do not survive a restart)");
            }
            if (o == FeedbackStore.Outcome.EXPIRED) {
                throw new ApiException(RejectReason.EXPIRED_ID, l.field(), l.field() + " '" + shorten(l.id())
                        + "' is the id of a prediction the service no longer holds (older than the retention "
                        + feedback.retention().toSeconds() + " s, or one of more than " + feedback.capacity()
                        + " awaiting a label)");
            }
        }
        int accepted = 0;
        int duplicates = 0;
        for (FeedbackRequestParser.Label l : parsed.labels()) {
            FeedbackStore.Result r = feedback.label(l.id(), l.label());
            Subject store = subject(FEEDBACK, FEEDBACK);
            metrics.labelled(store.model(), store.version(), r.outcome(), r.delaySeconds());
            if (r.outcome() == FeedbackStore.Outcome.CORRECT || r.outcome() == FeedbackStore.Outcome.WRONG) {
                accepted++;
            } else if (r.outcome() == FeedbackStore.Outcome.DUPLICATE) {
                duplicates++;
            }
        }
        return Response.json(200, "{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + "}");
    }

    private static String shorten(String id) {
        return id.length() > 40 ? id.substring(0, 40) + "..." : id;
    }

    private Response scrape(Request request) throws ApiException, IOException {
        if (!metrics.enabled()) {
            throw new ApiException(RejectReason.NOT_FOUND, "path", "metrics are switched off (--no-metrics)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        String type = metrics.scrape(request.header("Accept"), out);
        return new Response(200, type, out.toByteArray(), Map.of());
    }

    private static boolean isV2(String route) {
        return route.startsWith(InferenceProtocol.PREFIX);
    }

    private static String allowed(String route) {
        if (isV2(route)) {
            return route.endsWith("/infer") ? "POST" : "GET, HEAD";
        }
        return ALLOWED.getOrDefault(route, "GET");
    }

    Response rejected(String route, Subject subject, ApiException e) {
        metrics.rejected(subject.model(), subject.version(), e.reason());
        if (isV2(route)) {
            Response r = v2.error(e.reason().status(), e.getMessage());
            return e.reason() != RejectReason.METHOD_NOT_ALLOWED ? r
                    : new Response(r.status(), r.contentType(), r.body(), Map.of("Allow", allowed(route)));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("reason", e.reason().label());
        body.put("field", e.field());
        Map<String, String> extra = Map.of();
        if (e.reason() == RejectReason.METHOD_NOT_ALLOWED) {
            extra = Map.of("Allow", allowed(route));
        }
        try {
            return new Response(e.reason().status(), "application/json", json.writeValueAsBytes(body), extra);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a map of strings always serialises", ex);
        }
    }
}
