package dev.monitoringlab.serving.http;

import dev.monitoringlab.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@code /docs}, as FastAPI serves it, but from the {@code org.webjars:swagger-ui} jar on the
 * classpath rather than a CDN, so it works with no network. The page is ours (the webjar's index.html points at
 * the Petstore); its script and style are the webjar's, served under {@code /docs/} and read once at start.
 */
final class SwaggerUi {
    static final String PREFIX = "/docs/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The only files served: a fixed set, so a path under /docs/ cannot reach anything else on the classpath. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "application/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");

    private final Response page;
    private final Map<String, Response> assets;
    private final String version;

    SwaggerUi(String openApiPath, String title) {
        this.version = webjarVersion();
        this.assets = Map.of(
                "swagger-ui.css", load("swagger-ui.css"),
                "swagger-ui-bundle.js", load("swagger-ui-bundle.js"),
                "favicon-32x32.png", load("favicon-32x32.png"));
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " - Swagger UI</title><link rel=\"stylesheet\" href=\"" + PREFIX + "swagger-ui.css\">"
                + "<link rel=\"icon\" type=\"image/png\" href=\"" + PREFIX + "favicon-32x32.png\"></head><body>"
                + "<div id=\"swagger-ui\"></div><script src=\"" + PREFIX + "swagger-ui-bundle.js\"></script>"
                + "<script>window.ui = SwaggerUIBundle({url: \"" + openApiPath + "\", dom_id: \"#swagger-ui\","
                + " deepLinking: true, tryItOutEnabled: false});</script></body></html>";
        this.page = new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static boolean isAsset(String path) {
        return path != null && path.startsWith(PREFIX) && ASSETS.containsKey(path.substring(PREFIX.length()));
    }

    Response page() {
        return page;
    }

    /** The asset at {@code path}, which {@link #isAsset} has accepted. */
    Response asset(String path) {
        return assets.get(path.substring(PREFIX.length()));
    }

    /** The webjar's version, from its pom.properties: the one place it is written is the parent pom. */
    String version() {
        return version;
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private Response load(String name) {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the swagger-ui " + version + " webjar");
            }
            // the webjar's files never change while the service runs: let the browser keep them for a day
            return new Response(200, ASSETS.get(name), in.readAllBytes(), Map.of("Cache-Control", "public, max-age=86400"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
