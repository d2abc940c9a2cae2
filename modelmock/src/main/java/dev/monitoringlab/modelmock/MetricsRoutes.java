package dev.monitoringlab.modelmock;

import dev.monitoringlab.http.Handler;
import dev.monitoringlab.http.Request;
import dev.monitoringlab.http.Response;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the mock serves: {@code /metrics} in the format the scraper asks for, a small home page, a health check.
 *
 * <p>The rendered {@code /metrics} body is kept per format until the {@code state} it was rendered from changes:
 * the mock's values change only on its timer and its server's counts only when connections come and go, so
 * between two changes every scrape would render the same bytes. The state is read before rendering, so a body is
 * never older than the state it is filed under.
 */
final class MetricsRoutes implements Handler {
    private static final Response HOME = new Response(200, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head>"
            + "<title>model mock</title></head><body><h1>model mock</h1><p><a href=\"/metrics\">Metrics</a></p>"
            + "</body></html>\n").getBytes(StandardCharsets.UTF_8), Map.of());
    private static final Response HEALTHY = Response.text(200, "Exporter is healthy.\n");

    private final PrometheusRegistry registry;
    private final Supplier<?> state;
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * @param state a value equal to the previous one exactly when nothing the registry would show has changed
     */
    MetricsRoutes(PrometheusRegistry registry, Supplier<?> state) {
        this.registry = registry;
        this.state = state;
    }

    private record Rendered(Object state, Response response) {
    }

    @Override
    public Response handle(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new Response(405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", "GET, HEAD"));
        }
        return switch (request.path()) {
            case "/metrics" -> scrape(request.header("Accept"));
            case "/" -> HOME;
            case "/-/healthy" -> HEALTHY;
            default -> Response.text(404, "not found; see /metrics\n");
        };
    }

    private Response scrape(String accept) {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        Object now = state.get();
        Rendered last = rendered.get(writer.getContentType());
        if (last != null && last.state().equals(now)) {
            return last.response();
        }
        Response response = render(writer);
        rendered.put(writer.getContentType(), new Rendered(now, response));
        return response;
    }

    private Response render(ExpositionFormatWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new Response(200, writer.getContentType(), out.toByteArray(), Map.of());
    }
}
