package dev.monitoringlab.modelmock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.http.ServerLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The value timer outlives a failing tick: the failure is logged and counted, the next ticks come on time. */
class ModelMockTimerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTickThatThrowsIsLoggedAndCountedAndTheTimerGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // the third value fails with an exception, the fifth with an Error
        ValueSource failing = () -> switch (calls.incrementAndGet()) {
            case 3 -> throw new IllegalStateException("value source broke");
            case 5 -> throw new OutOfMemoryError("Java heap space (simulated)");
            default -> 0.5;
        };
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        try (ModelMock mock = ModelMock.start(ModelMockOptions.parse("--port", "0", "--interval", "50ms"),
                ServerLimits.defaults(), failing, log)) {
            String body = awaitMetrics(mock.port(), "(?m)^model_result_updates_total ([8-9]|\\d{2,})\\.0$");
            assertThat(number(body, "model_result_update_errors_total")).isEqualTo(2.0);
            assertThat(number(body, "model_result_updates_total")).isGreaterThanOrEqualTo(8.0);
            assertThat(calls.get()).isGreaterThanOrEqualTo(10);
        }
        String logged = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(l -> l.contains("model_result update failed"))).hasSize(2);
        assertThat(logged).contains("update failed: java.lang.IllegalStateException: value source broke",
                "update failed: java.lang.OutOfMemoryError: Java heap space (simulated)");
    }

    private String awaitMetrics(int port, String regex) throws Exception {
        Pattern wanted = Pattern.compile(regex);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (wanted.matcher(body).find()) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("metrics never matched '" + regex + "':\n" + body);
    }

    private static double number(String body, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(body);
        assertThat(m.find()).as("%s in %s", name, body).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
