package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The native stack as {@code ./run.sh} starts it once the jars are built: {@code stack/up.sh --native}, the real
 * binaries, on free loopback ports and a scratch work dir, traffic off. The summary must report every scraped
 * target up, a second start must be refused, and SIGINT (Ctrl+C) must stop every child and exit 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunNativeStackIT {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final List<String> JOBS = List.of("alertmanager", "model_mock", "node", "prometheus", "store_model");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final int prometheusPort = Ports.free();
    private final int nodeExporterPort = Ports.free();
    private final String javaOpts = "-Dlab.prometheus.port=" + prometheusPort
            + " -Dlab.alertmanager.port=" + Ports.free()
            + " -Dlab.model-mock.port=" + Ports.free()
            + " -Dlab.store-model.port=" + Ports.free()
            + " -Dlab.node-exporter.port=" + nodeExporterPort
            + " -Dlab.targets.node=localhost:" + nodeExporterPort
            + " -Dlab.store-model.traffic-rate=0";
    private Path work;
    private Path out;
    private Process launcher;
    private String summary;

    @BeforeAll
    void startAsRunShDoes() throws IOException {
        work = Files.createTempDirectory("run-native-stack");
        out = work.resolve("launcher.out");
        launcher = upSh(work, "--native", "--work-dir", work.toString(), "--targets-timeout", "120")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!output().contains("stack: running; Ctrl+C stops everything")) {
            if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                fail("the launcher did not reach its summary within " + START_TIMEOUT.toSeconds() + " s (alive: "
                        + launcher.isAlive() + "); its output:\n" + output());
            }
            Waits.pause(Duration.ofMillis(250));
        }
        summary = output();
        System.out.println(summary);
    }

    @AfterAll
    void stopWhateverIsLeft() {
        if (launcher != null && launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void everyScrapedTargetIsUpAndTheSummarySaysSo() {
        assertThat(summary).contains("stack: targets 5/5 up (as Prometheus sees them, after ")
                .contains("  Prometheus     http://127.0.0.1:" + prometheusPort + "\n")
                .contains("  node exporter  http://127.0.0.1:" + nodeExporterPort + "/metrics\n")
                .doesNotContain("  traffic ");
        for (String job : JOBS) {
            assertThat(summary).containsPattern("\n  up    " + job + " +localhost:\\d+\n");
        }
        List<PrometheusApi.Target> targets = new PrometheusApi(URI.create("http://127.0.0.1:" + prometheusPort)).targets();
        assertThat(targets).extracting(PrometheusApi.Target::job).containsExactlyInAnyOrderElementsOf(JOBS);
        assertThat(targets).allSatisfy(t -> assertThat(t.health()).as(t.job() + ": " + t.lastError()).isEqualTo("up"));
    }

    @Test
    @Order(2)
    void aSecondStartIsRefusedWithAMessage() throws Exception {
        String pid = "pid " + launcher.pid() + ", started ";

        Result precheck = run(upSh(work, "--check-not-running", "--work-dir", work.toString()));
        assertThat(precheck.exit()).isEqualTo(1);
        assertThat(precheck.output()).contains("up: the stack is already running (" + pid)
                .contains("stop it with Ctrl+C in its terminal first");

        Result second = run(upSh(work, "--native", "--work-dir", work.toString()));
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.output()).contains("stack: the stack is already running (" + pid).doesNotContain("\tat ");

        Path elsewhere = Files.createTempDirectory("run-native-stack-2");
        Result samePorts = run(upSh(work, "--native", "--work-dir", elsewhere.toString()));
        assertThat(samePorts.exit()).isEqualTo(1);
        assertThat(samePorts.output()).contains("stack: port " + prometheusPort + " (prometheus.port) on 127.0.0.1"
                + " is taken by another program");
        assertThat(launcher.isAlive()).as("the first stack still runs").isTrue();
    }

    @Test
    @Order(3)
    void ctrlCStopsEveryChildAndExitsZero() throws Exception {
        String status = Files.readString(Path.of("/proc", String.valueOf(launcher.pid()), "status"));
        long ignored = Long.parseLong(status.replaceAll("(?s).*\nSigIgn:\\s*([0-9a-f]+)\n.*", "$1"), 16);
        assertThat(ignored & (1L << 1)).as("SIGINT is ignored by this test's environment, so Ctrl+C cannot be"
                + " imitated; run the test from a shell that does not ignore it").isZero();
        List<ProcessHandle> children = launcher.descendants().toList();
        assertThat(children).as("prometheus, alertmanager, node exporter, mock, store model").hasSize(5);

        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();

        assertThat(launcher.exitValue()).as(output()).isZero();
        assertThat(output()).contains("stack: stopping\n").contains("stack: stopped\n");
        assertThat(children).allSatisfy(c -> assertThat(c.isAlive()).as("pid " + c.pid() + " " + c.info().command())
                .isFalse());
        Ports.requireFree("127.0.0.1", prometheusPort, "prometheus.port");
        assertThat(run(upSh(work, "--check-not-running", "--work-dir", work.toString())).exit())
                .as("the lock went with the launcher").isZero();
    }

    private ProcessBuilder upSh(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(LAYOUT.stackDir().resolve("up.sh").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(LAYOUT.root().toFile());
        Map<String, String> env = pb.environment();
        env.put("LAB_JAVA_OPTS", javaOpts);
        return pb;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("still running after 90 s: " + pb.command());
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private String output() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
