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
    void normalTrafficSendsLabelsAfterTheDelayAndTheModelIsRightAsOftenAsAtTraining() throws Exception {
        double before = labelled();
        long start = System.nanoTime();
        TrafficSummary s = runner.run(TrafficRunner.Scenario.NORMAL, 400, Duration.ofSeconds(1), 3,
                Duration.ofMillis(500), null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        assertThat(s.labelsSent()).isEqualTo(400);
        assertThat(s.labelsFailed()).isZero();
        assertThat(labelled() - before).isEqualTo(400);
        assertThat(s.accuracy()).isBetween(0.78, 0.90); // held-out 0.844; 400 labels: sd about 0.018
        assertThat(s.render()).contains("labels sent    400, refused 0, accuracy 0.");
    }

    @Test
    void moreLabelsWaitingThanRequestsInFlightNeitherSlowThePredictionsNorCountAsErrors() throws Exception {
        // 300 labels wait 8 s each, far more than the 64 requests allowed in flight: the predictions still go out
        // at the rate asked for, and every one is answered and labelled
        long start = System.nanoTime();
        TrafficSummary s = runner.run(TrafficRunner.Scenario.NORMAL, 300, Duration.ofSeconds(1), 5,
                Duration.ofSeconds(8), null);
        assertThat(s.errors()).isZero();
        assertThat(s.answered()).isEqualTo(300);
        assertThat(s.labelsSent()).isEqualTo(300);
        assertThat(s.labelsFailed()).isZero();
        // the last of the 300 predictions goes out 299/300 s after the first, its label 8 s after its answer
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(8).plusNanos(299 * 1_000_000_000L / 300));
    }

    @Test
    void conceptDriftKeepsTheInputsButTheTruthDisagreesWithTheModel() throws Exception {
        TrafficSummary drifted = runner.run(TrafficRunner.Scenario.CONCEPT_DRIFT, 400, Duration.ofSeconds(1), 3,
                Duration.ZERO, null);
        TrafficSummary normal = runner.run(TrafficRunner.Scenario.NORMAL, 400, Duration.ofSeconds(1), 3, Duration.ZERO,
                null);
        // same seed, same inputs: the model answers the same; only the truth differs
        assertThat(drifted.successful()).isEqualTo(normal.successful());
        assertThat(drifted.accuracy()).isLessThan(0.72);
        assertThat(normal.accuracy()).isGreaterThan(0.78);
        assertThat(TrafficRunner.Scenario.byLabel("concept-drift")).contains(TrafficRunner.Scenario.CONCEPT_DRIFT);
    }

    private static double labelled() throws Exception {
        String text = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("store_model_labelled_predictions_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
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
