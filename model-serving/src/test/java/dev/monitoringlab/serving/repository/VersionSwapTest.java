package dev.monitoringlab.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.http.ServerLimits;
import dev.monitoringlab.models.ModelArtifact;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.model.StoreModelTrainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new version placed in the repository while requests flow: it is loaded and swapped in without one failed
 * request, every answer names the version that computed it, the drift baseline moves to the new version, and a
 * broken version is refused with one log line while the answering version keeps answering.
 */
class VersionSwapTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"inputs\": [{\"name\": \"items_count\", \"shape\": [2], \"datatype\": \"INT32\","
            + " \"data\": [1500, 2000]}, {\"name\": \"customers_count\", \"shape\": [2], \"datatype\": \"INT32\","
            + " \"data\": [900, 1200]}]}";

    @TempDir
    Path dir;

    /** Fills {@code <repository>/store-success/<version>} as a deployment would: copied aside, renamed into place. */
    private static void place(Path from, Path repository, String version) throws IOException {
        Path model = repository.resolve("store-success");
        Path tmp = model.resolve("." + version + ".partial");
        Files.createDirectories(tmp);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(tmp, model.resolve(version), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aNewVersionIsSwappedInUnderLoadWithoutAFailedRequestAndABrokenOneIsRefused() throws Exception {
        Path repository = dir.resolve("repository");
        Files.createDirectories(repository.resolve("store-success"));
        Files.copy(TestModels.repository().resolve("store-success/model.json"),
                repository.resolve("store-success/model.json"));
        place(TestModels.repository().resolve("store-success/1"), repository, "1");
        // version 2: the same training as ONNX, as a retrained model in another format would arrive
        Path csv = dir.resolve("stores.csv");
        DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, DatasetGenerator.DEFAULT_ROWS), csv);
        Path staging = dir.resolve("staging");
        StoreModelTrainer.train(csv, DatasetGenerator.DEFAULT_SEED, dir.resolve("m"),
                new StoreModelTrainer.RepositoryTarget(staging, TestModels.storeSpec(), ModelArtifact.Format.ONNX));

        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ModelRegistry.class.getName());
        log.addHandler(capture);
        PrometheusServingMetrics metrics = new PrometheusServingMetrics();
        try (ModelRegistry registry = ModelRegistry.open(repository);
             PredictionServer server = PredictionServer.start(TestModels.model(), registry, metrics,
                     PredictionServer.defaultFeedback(), "127.0.0.1", 0, 2,
                     ServerLimits.defaults().withMaxBodyBytes(PredictionServer.MAX_BODY_BYTES))) {
            registry.watch(Duration.ofMillis(100));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI infer = URI.create("http://127.0.0.1:" + server.port() + "/v2/models/store-success/infer");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
            ConcurrentHashMap<String, Boolean> versions = new ConcurrentHashMap<>();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> mine = new ArrayList<>();
                seen.add(mine);
                Thread c = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(infer)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                                continue;
                            }
                            JsonNode a = JSON.readTree(r.body());
                            String v = a.get("model_version").asText();
                            if (mine.isEmpty() || !mine.get(mine.size() - 1).equals(v)) {
                                mine.add(v);
                            }
                            versions.put(v, true);
                            answered.incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            failures.add(e.toString());
                        }
                    }
                }, "client-" + t);
                clients.add(c);
                c.start();
            }
            awaitAnswers(answered, 200);
            place(staging.resolve("store-success/1"), repository, "2");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (registry.current("store-success").orElseThrow().version().equals("1") && System.nanoTime() < deadline) {
                Thread.sleep(5); // polls a condition, with a deadline
            }
            int atSwap = answered.get();
            awaitAnswers(answered, atSwap + 200);

            // a broken version: its model file is not the one artifact.json describes
            Path broken = dir.resolve("broken");
            Files.createDirectories(broken);
            Files.copy(staging.resolve("store-success/1/artifact.json"), broken.resolve("artifact.json"));
            Files.writeString(broken.resolve("model.onnx"), "half a graph");
            place(broken, repository, "3");
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (logged.stream().noneMatch(l -> l.contains("version 3 refused")) && System.nanoTime() < deadline) {
                Thread.sleep(5); // polls a condition, with a deadline
            }
            int atRefusal = answered.get();
            awaitAnswers(answered, atRefusal + 200);
            running.set(false);
            for (Thread c : clients) {
                c.join(10_000);
            }

            assertThat(failures).as("failed requests").isEmpty();
            assertThat(versions.keySet()).containsExactlyInAnyOrder("1", "2");
            for (List<String> perClient : seen) {
                assertThat(perClient).as("each client saw version 1, then version 2 only").containsExactly("1", "2");
            }
            assertThat(registry.current("store-success").orElseThrow().version()).isEqualTo("2");
            assertThat(logged).anySatisfy(l -> assertThat(l).startsWith("WARNING model store-success version 3 refused,"
                    + " the answering version stays: ").contains("SHA-256"));
            assertThat(logged).anySatisfy(l -> assertThat(l).isEqualTo("INFO model store-success version 2 (onnx)"
                    + " answers, replacing version 1"));

            String text = new String(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
            assertThat(text).contains(
                    "store_model_version_loads_total{model=\"store-success\",result=\"refused\",version=\"3\"} 1.0",
                    "store_model_ready{model=\"store-success\",version=\"1\"} 0.0",
                    "store_model_ready{model=\"store-success\",version=\"2\"} 1.0",
                    "store_model_drift_window_records{model=\"store-success\",version=\"2\"}",
                    "store_model_heldout_accuracy{model=\"store-success\",version=\"2\"}");
            assertThat(text).doesNotContain("store_model_drift_window_records{model=\"store-success\",version=\"1\"}",
                    "store_model_heldout_accuracy{model=\"store-success\",version=\"1\"}");
            System.out.printf("version swap: %d answers, %d before the swap to 2, 0 failed%n", answered.get(), atSwap);
        } finally {
            log.removeHandler(capture);
        }
    }

    private static void awaitAnswers(AtomicInteger answered, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (answered.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5); // polls a condition, with a deadline
        }
        assertThat(answered.get()).as("answers within 60 s").isGreaterThanOrEqualTo(atLeast);
    }
}
