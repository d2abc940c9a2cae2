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

/** What the mock serves: {@code /metrics} in the format the scraper asks for, a small home page, a health check. */
final class MetricsRoutes implements Handler {
    private static final Response HOME = new Response(200, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head>"
            + "<title>model mock</title></head><body><h1>model mock</h1><p><a href=\"/metrics\">Metrics</a></p>"
            + "</body></html>\n").getBytes(StandardCharsets.UTF_8), Map.of());
    private static final Response HEALTHY = Response.text(200, "Exporter is healthy.\n");

    private final PrometheusRegistry registry;
    private final ExpositionFormats formats = ExpositionFormats.init();

    MetricsRoutes(PrometheusRegistry registry) {
        this.registry = registry;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new Response(200, writer.getContentType(), out.toByteArray(), Map.of());
    }
}
