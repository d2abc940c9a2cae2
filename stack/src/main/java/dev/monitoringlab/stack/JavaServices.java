package dev.monitoringlab.stack;

import dev.monitoringlab.settings.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command lines of the stack's own Java services, started from the jars {@code mvn package} builds: the model
 * mock, the store model service and its steady traffic. Each runs as its own JVM with flags sized for it.
 */
final class JavaServices {
    /**
     * JVM flags for the mock: a small heap and the serial collector keep its resident memory near 50 MB; one
     * compiler tier is enough for a server that renders a few lines per scrape.
     */
    static final List<String> MODEL_MOCK_JVM_FLAGS = List.of("-Xms8m", "-Xmx24m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss512k", "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=32m", "-XX:-UsePerfData");
    /** The store model's flags from its benchmark (model-serving/Dockerfile uses the same). */
    static final List<String> STORE_MODEL_JVM_FLAGS = List.of("-Xms64m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:-UsePerfData");
    /** A client sending a request a second needs even less than the mock. */
    static final List<String> TRAFFIC_JVM_FLAGS = MODEL_MOCK_JVM_FLAGS;
    /**
     * The traffic command runs for a fixed time; ten years is "until the stack stops" (the launcher's supervisor
     * takes a process that ends for one that died and starts it again, and gives up on one that ends too often).
     */
    static final String TRAFFIC_DURATION = "3650d";

    private final Path modelMockJar;
    private final Path storeModelJar;
    private final Path storeModelDir;

    JavaServices(ProjectLayout layout) {
        this.modelMockJar = layout.root().resolve("modelmock/target/modelmock.jar");
        this.storeModelJar = layout.root().resolve("model-serving/target/model-serving.jar");
        this.storeModelDir = layout.root().resolve("model-serving/target/model");
    }

    List<String> modelMock(String host, int port, List<String> extraArgs) {
        require(modelMockJar);
        List<String> cmd = java(MODEL_MOCK_JVM_FLAGS, modelMockJar);
        cmd.addAll(List.of("--host", host, "--port", String.valueOf(port)));
        cmd.addAll(extraArgs);
        return cmd;
    }

    List<String> storeModel(String host, int port) {
        require(storeModelJar);
        require(storeModelDir);
        List<String> cmd = java(STORE_MODEL_JVM_FLAGS, storeModelJar);
        cmd.addAll(List.of("serve", "--model", storeModelDir.toString(), "--host", host, "--port", String.valueOf(port)));
        return cmd;
    }

    /** The workshop's {@code normal} scenario at {@code rate} requests per second, quietly, until stopped. */
    List<String> traffic(String url, double rate) {
        require(storeModelJar);
        List<String> cmd = java(TRAFFIC_JVM_FLAGS, storeModelJar);
        cmd.addAll(List.of("traffic", "--scenario", "normal", "--url", url, "--rate",
                String.format(Locale.ROOT, "%s", rate), "--duration", TRAFFIC_DURATION, "--quiet"));
        return cmd;
    }

    private static List<String> java(List<String> flags, Path jar) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", jar.toString()));
        return cmd;
    }

    private static void require(Path p) {
        if (!Files.exists(p)) {
            throw new StackException(p + " not found: run mvn package first");
        }
    }
}
