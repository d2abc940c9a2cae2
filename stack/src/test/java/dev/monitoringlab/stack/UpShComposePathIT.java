package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs here, so up.sh's Docker path runs against a stand-in {@code docker} on PATH that records
 * its arguments, and a stand-in Prometheus that reports every target up. What is real: up.sh, the launcher's
 * compose-env and summary, the files they write, and Ctrl+C sent to the whole process group as a terminal does.
 * The copy of the stack lives in a scratch root, so the checkout's stack/.env and secrets are left alone.
 */
class UpShComposePathIT {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final String FAKE_DOCKER = """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_DOCKER_LOG"
            case " $* " in
              " info ") exit 0 ;;
              *" logs "*) exec sleep 300 ;;
            esac
            exit 0
            """;

    @TempDir
    Path root;
    private Path calls;
    private HttpServer prometheus;

    @BeforeEach
    void scratchCheckoutAndStandIns() throws IOException {
        Path stack = root.resolve("stack");
        Files.createDirectories(stack.resolve("target"));
        Files.createDirectories(stack.resolve("generated/prometheus"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.copy(LAYOUT.stackDir().resolve("up.sh"), stack.resolve("up.sh"));
        Files.copy(LAYOUT.stackDir().resolve("docker-compose.yml"), stack.resolve("docker-compose.yml"));
        Path jar = LAYOUT.stackDir().resolve("target/stack-launcher.jar");
        assertThat(jar).as("run mvn package first").isRegularFile();
        Files.createSymbolicLink(stack.resolve("target/stack-launcher.jar"), jar);
        Files.writeString(stack.resolve("generated/prometheus/prometheus.yml"), "# stand-in\n");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("docker"), FAKE_DOCKER);
        Files.setPosixFilePermissions(bin.resolve("docker"), PosixFilePermissions.fromString("rwxr-xr-x"));
        calls = root.resolve("docker-calls.log");

        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/targets", ex -> {
            byte[] body = ("{\"status\":\"success\",\"data\":{\"activeTargets\":["
                    + target("prometheus", "localhost:9090") + "," + target("model_mock", "localhost:9000") + ","
                    + target("store_model", "localhost:8000") + "]}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stopPrometheus() {
        prometheus.stop(0);
    }

    private static String target(String job, String instance) {
        return "{\"labels\":{\"job\":\"" + job + "\",\"instance\":\"" + instance + "\"},\"health\":\"up\",\"lastError\":\"\"}";
    }

    @Test
    void firstRunMakesEnvAndPasswordComposesUpPrintsTheSummaryAndCtrlCStopsWithExitZero() throws Exception {
        Run first = start();
        assertThat(first.awaitOutput("up: running; Ctrl+C stops everything")).isTrue();
        Path env = root.resolve("stack/.env");
        Path password = root.resolve("stack/secrets/grafana_admin_password");
        assertThat(Files.readString(env)).startsWith(ComposeEnv.HEADER)
                .contains("LAB_UID=" + id("-u") + "\n", "LAB_GID=" + id("-g") + "\n",
                        "PROMETHEUS_PORT=" + prometheus.getAddress().getPort() + "\n", "COMPOSE_PROFILES=node-exporter,traffic\n");
        String secret = Files.readString(password).trim();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(first.output()).contains("stack: Grafana admin password (user admin): " + secret)
                .contains("kept in " + password)
                .contains("stack: targets 3/3 up")
                .contains("  Grafana        http://127.0.0.1:3000 (user admin)");

        first.interruptGroup();
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process().exitValue()).as(first.output()).isZero();
        String compose = "compose -f " + root.resolve("stack/docker-compose.yml");
        assertThat(Files.readAllLines(calls)).filteredOn(c -> !c.equals("info")).containsExactly(
                compose + " ps -q --status running",
                compose + " up -d --build",
                compose + " logs -f --since 1s",
                compose + " stop");

        // the second run keeps the password and does not print it again
        Run second = start();
        assertThat(second.awaitOutput("up: running; Ctrl+C stops everything")).isTrue();
        second.interruptGroup();
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process().exitValue()).isZero();
        assertThat(Files.readString(password).trim()).isEqualTo(secret);
        assertThat(second.output()).doesNotContain(secret).doesNotContain("Grafana admin password");
    }

    private record Run(Process process, Path out) {
        String output() throws IOException {
            return Files.readString(out);
        }

        boolean awaitOutput(String line) throws IOException {
            Instant deadline = Instant.now().plusSeconds(120);
            while (!output().contains(line)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    fail("no '" + line + "' (alive: " + process.isAlive() + "); output:\n" + output());
                }
                Waits.pause(Duration.ofMillis(200));
            }
            return true;
        }

        /** What Ctrl+C in a terminal does: SIGINT to every process of the foreground group. */
        void interruptGroup() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();
        }
    }

    private Run start() throws IOException {
        Path out = Files.createTempFile(root, "up", ".out");
        // setsid: up.sh leads a process group of its own, as a terminal's foreground job does
        ProcessBuilder pb = new ProcessBuilder(List.of("setsid", root.resolve("stack/up.sh").toString()))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_DOCKER_LOG", calls.toString());
        pb.environment().put("LAB_JAVA_OPTS", "-Dlab.root=" + root + " -Dlab.prometheus.port=" + prometheus.getAddress().getPort());
        return new Run(pb.start(), out);
    }

    private static String id(String flag) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", flag).start();
        p.waitFor(10, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
