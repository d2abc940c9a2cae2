package dev.monitoringlab.modelmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ModelMockTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesThePlayedValuesAndCountsThem() throws Exception {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        ModelMockOptions options = ModelMockOptions.parse("--port", "0", "--host", "127.0.0.1",
                "--interval", "50ms", "--values", "0.2,0.9");
        try (ModelMock mock = ModelMock.start(options, new PrintStream(logBytes, true, StandardCharsets.UTF_8))) {
            String body = awaitMetrics(mock.port(), "(?m)^model_result_updates_total ([3-9]|\\d{2,})\\.0$");
            assertThat(body).contains("# HELP model_result Latest output of the mocked model");
            assertThat(body).contains("# TYPE model_result gauge");
            double value = Double.parseDouble(find(body, "(?m)^model_result (\\S+)$"));
            assertThat(value).isIn(0.2, 0.9);
            assertThat(body).contains("# TYPE model_result_value histogram");
            assertThat(body).contains("model_result_value_bucket{le=\"0.25\"}");
        }
        String log = logBytes.toString(StandardCharsets.UTF_8);
        String firstLine = log.lines().findFirst().orElseThrow();
        Instant.parse(firstLine.split(" ")[0]); // ISO-8601, or this throws
        assertThat(firstLine).endsWith("model_result=0.2");
        assertThat(log.lines().skip(1).findFirst()).hasValueSatisfying(l -> assertThat(l).endsWith("model_result=0.9"));
    }

    @Test
    void aKeptBodyIsRenderedAgainWhenConnectionsChangeAndIsKeptPerFormat() throws Exception {
        // One value for the whole test (interval of an hour), so only the server's counts can change the body.
        ModelMockOptions options = ModelMockOptions.parse("--port", "0", "--host", "127.0.0.1",
                "--interval", "1h", "--values", "0.4");
        try (ModelMock mock = ModelMock.start(options, new PrintStream(new ByteArrayOutputStream()))) {
            String before = awaitMetrics(mock.port(), "(?m)^model_result 0\\.4$");
            int openBefore = (int) Double.parseDouble(find(before, "(?m)^modelmock_http_connections_open (\\S+)$"));
            try (Socket a = new Socket("127.0.0.1", mock.port());
                    Socket b = new Socket("127.0.0.1", mock.port())) {
                String during = awaitMetrics(mock.port(),
                        "(?m)^modelmock_http_connections_open " + (openBefore + 2) + "\\.0$");
                assertThat(during).contains("model_result 0.4");
            }

            HttpResponse<String> openMetrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mock.port() + "/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(openMetrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/openmetrics-text"));
            assertThat(openMetrics.body()).endsWith("# EOF\n");
            String text = awaitMetrics(mock.port(), "(?m)^model_result 0\\.4$");
            assertThat(text).doesNotContain("# EOF");
        }
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        ValueSource a = ValueSource.uniform(new SplittableRandom(7));
        ValueSource b = ValueSource.uniform(new SplittableRandom(7));
        for (int i = 0; i < 100; i++) {
            double v = a.next();
            assertThat(v).isBetween(0.0, 1.0).isEqualTo(b.next());
        }
    }

    /** Scrapes until the body has a match for {@code regex}, for at most 10 s. */
    private String awaitMetrics(int port, String regex) throws Exception {
        Pattern wanted = Pattern.compile(regex);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (wanted.matcher(body).find()) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("metrics never matched '" + regex + "':\n" + body);
    }

    private static String find(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as("%s in %s", regex, body).isTrue();
        return m.group(1);
    }
}
