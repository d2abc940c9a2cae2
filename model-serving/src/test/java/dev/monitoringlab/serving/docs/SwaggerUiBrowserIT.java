package dev.monitoringlab.serving.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /docs in a real browser (Debian's chromium, headless) with no network: Swagger UI renders the service's
 * OpenAPI document, and "Try it out" then "Execute" on POST /predict shows a prediction from the service.
 */
class SwaggerUiBrowserIT {
    /** Waits in the page for a selector, up to 60 s: Swagger UI renders asynchronously. */
    private static final String WAIT_FOR = "const waitFor = async (find, what) => {"
            + " for (let i = 0; i < 600; i++) { const e = find(); if (e) return e;"
            + " await new Promise(r => setTimeout(r, 100)); } throw new Error('not found: ' + what); };";

    @TempDir
    Path work;

    @Test
    void tryItOutOnPredictShowsAPredictionWithNoNetwork() throws Exception {
        try (PredictionServer service = PredictionServer.start(TestModels.model(),
                new PrometheusServingMetrics(TestModels.model().descriptor()), "127.0.0.1", 0, 2)) {
            String base = "http://127.0.0.1:" + service.port();
            Path profile = Files.createDirectories(work.resolve("profile"));
            try (Chromium chromium = Chromium.open(base + "/docs", profile, Duration.ofSeconds(60))) {
                JsonNode title = chromium.evaluate("(async () => {" + WAIT_FOR
                        + " const t = await waitFor(() => document.querySelector('.info .title'), 'title');"
                        + " return t.textContent; })()");
                assertThat(title.asText()).startsWith("Store model");

                JsonNode answer = chromium.evaluate("(async () => {" + WAIT_FOR
                        + " const op = await waitFor(() => document.querySelector('#operations-default-post_predict'"
                        + "   + ' .opblock-summary-control, .opblock-post .opblock-summary-control'), '/predict');"
                        + " const block = op.closest('.opblock');"
                        + " if (!block.classList.contains('is-open')) op.click();"
                        + " (await waitFor(() => block.querySelector('.try-out__btn'), 'Try it out')).click();"
                        + " (await waitFor(() => block.querySelector('.execute'), 'Execute')).click();"
                        // the answer's row (the header row holds the column titles "Code" and "Details")
                        + " const cell = await waitFor(() => block.querySelector('.live-responses-table tbody"
                        + "   .response-col_status'), 'response status');"
                        + " const body = await waitFor(() => block.querySelector('.live-responses-table tbody .microlight,"
                        + "   .live-responses-table tbody pre'), 'response body');"
                        + " return {path: block.querySelector('.opblock-summary-path').textContent,"
                        + "   status: cell.textContent.trim(), body: body.textContent}; })()");
                assertThat(answer.path("path").asText()).contains("/predict");
                assertThat(answer.path("status").asText()).startsWith("200");
                assertThat(answer.path("body").asText()).contains("\"probability\"", "\"class\"", "\"id\"");

                assertThat(chromium.requested()).as("every request of the page goes to the service")
                        .isNotEmpty()
                        .allSatisfy(url -> assertThat(url).matches("(" + base.replace(".", "\\.") + "/|data:|blob:).*"));
                assertThat(chromium.requested()).contains(base + "/docs/swagger-ui-bundle.js", base + "/openapi.json",
                        base + "/predict");
            }
        }
    }
}
