package dev.monitoringlab.serving.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrafficRunnerTest {
    private static PredictionServer server;
    private static TrafficRunner runner;

    @BeforeAll
    static void start() throws Exception {
        server = PredictionServer.start(TestModels.model(), new PrometheusServingMetrics(TestModels.model().descriptor()),
                "127.0.0.1", 0, 2);
        runner = new TrafficRunner(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void normalTrafficKeepsTheSuccessfulShareWellAboveTwentyPercent() throws Exception {
        TrafficSummary s = runner.run(TrafficRunner.Scenario.NORMAL, 400, Duration.ofSeconds(1), 1, null);
        assertThat(s.sent()).isEqualTo(400);
        assertThat(s.errors()).isZero();
        assertThat(s.answered()).isEqualTo(400);
        assertThat(s.successfulShare()).isBetween(0.30, 0.55);
    }

    @Test
    void faultyTrafficDrivesTheSuccessfulShareBelowTwentyPercent() throws Exception {
        TrafficSummary s = runner.run(TrafficRunner.Scenario.FAULTY, 400, Duration.ofSeconds(1), 1, null);
        assertThat(s.errors()).isZero();
        assertThat(s.answered()).isEqualTo(400);
        assertThat(s.successfulShare()).isLessThan(0.05);
    }

    @Test
    void showsProgressOnTheGivenStreamAndSummarisesClasses() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        TrafficSummary s = runner.run(TrafficRunner.Scenario.NORMAL, 50, Duration.ofSeconds(1), 9,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[", "100%", "50/50 sent", "successful");
        assertThat(s.render()).contains("scenario normal: 50 requests sent", "normal", "successful", "0 errors");
        assertThat(s.took()).isGreaterThanOrEqualTo(Duration.ofMillis(950)); // paced, not a burst
    }

    @Test
    void anUnreachableServiceCountsErrorsAndStops() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TrafficSummary s = new TrafficRunner(URI.create("http://127.0.0.1:" + port))
                .run(TrafficRunner.Scenario.FAULTY, 20, Duration.ofSeconds(1), 1, null);
        assertThat(s.errors()).isEqualTo(20);
        assertThat(s.answered()).isZero();
    }
}
