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
    /**
     * FAKE_ENGINE: ok (default), down (no daemon on the socket) or broken (the socket refuses this user);
     * FAKE_COMPOSE_V2: the version `docker compose version --short` prints, empty for no compose plugin.
     */
    private static final String FAKE_DOCKER = """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_DOCKER_LOG"
            case " $* " in
              " info "*)
                case "${FAKE_ENGINE:-ok}" in
                  down) echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1 ;;
                  broken) echo "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock" >&2; exit 1 ;;
                esac
                echo 28.5.2; exit 0 ;;
              *" compose version "*)
                [ -n "${FAKE_COMPOSE_V2-2.40.3}" ] || { echo "docker: 'compose' is not a docker command." >&2; exit 1; }
                echo "${FAKE_COMPOSE_V2-2.40.3}"; exit 0 ;;
              *" up "*) touch "$FAKE_DOCKER_LOG.up" ;;
              *" logs "*) exec sleep 300 ;;
            esac
            exit 0
            """;
    private static final String FAKE_COMPOSE_V1 = """
            #!/usr/bin/env bash
            echo "docker-compose $*" >> "$FAKE_DOCKER_LOG"
            [ "$*" = "version --short" ] && echo "$FAKE_COMPOSE_V1"
            exit 0
            """;
    /** What up.sh and the launcher may run: everything else (a real docker-compose of this machine) is off PATH. */
    private static final List<String> TOOLS = List.of("bash", "env", "sed", "grep", "tail", "head", "cat", "tee",
            "mktemp", "rm", "touch", "id", "dirname", "tr", "kill", "sleep", "setsid", "ps");

    @TempDir
    Path root;
    private Path calls;
    private HttpServer prometheus;
    private final java.util.Map<String, Integer> ports = new java.util.LinkedHashMap<>();

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
        executable(bin.resolve("docker"), FAKE_DOCKER);
        for (String tool : TOOLS) {
            Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream().filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new AssertionError(tool + " not found"));
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        calls = root.resolve("docker-calls.log");
        // free ports, never the defaults: other stacks may run on this machine
        for (String key : List.of("prometheus.port", "alertmanager.port", "grafana.port", "model-mock.port",
                "store-model.port", "node-exporter.port")) {
            ports.put(key, Ports.free());
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The stand-in Prometheus that `docker compose up` "starts": it reports every target up. */
    private void startPrometheus() throws IOException {
        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                ports.get("prometheus.port")), 0);
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
        if (prometheus != null) {
            prometheus.stop(0);
        }
    }

    /** Starts the stand-in Prometheus once up.sh has called `compose up`, as the real one would come up then. */
    private void prometheusWhenComposeIsUp(Run run) throws IOException {
        Path up = Path.of(calls + ".up");
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.exists(up)) {
            if (!run.process().isAlive() || Instant.now().isAfter(deadline)) {
                fail("compose up was not called (alive: " + run.process().isAlive() + "); output:\n" + run.output());
            }
            Waits.pause(Duration.ofMillis(100));
        }
        Files.delete(up);
        startPrometheus();
    }

    private static String target(String job, String instance) {
        return "{\"labels\":{\"job\":\"" + job + "\",\"instance\":\"" + instance + "\"},\"health\":\"up\",\"lastError\":\"\"}";
    }

    @Test
    void firstRunMakesEnvAndPasswordComposesUpPrintsTheSummaryAndCtrlCStopsWithExitZero() throws Exception {
        Run first = start();
        prometheusWhenComposeIsUp(first);
        assertThat(first.awaitOutput("up: running; Ctrl+C stops everything")).isTrue();
        Path env = root.resolve("stack/.env");
        Path password = root.resolve("stack/secrets/grafana_admin_password");
        assertThat(Files.readString(env)).startsWith(ComposeEnv.HEADER)
                .contains("LAB_UID=" + id("-u") + "\n", "LAB_GID=" + id("-g") + "\n",
                        "PROMETHEUS_PORT=" + ports.get("prometheus.port") + "\n", "COMPOSE_PROFILES=node-exporter,traffic\n");
        String secret = Files.readString(password).trim();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(first.output()).contains("stack: Grafana admin password (user admin): " + secret)
                .contains("kept in " + password)
                .contains("stack: targets 3/3 up")
                .contains("  Grafana        http://127.0.0.1:" + ports.get("grafana.port") + " (user admin)")
                .contains("up: compose (docker compose): Docker engine 28.5.2 answers and docker compose 2.40.3 (v2)"
                        + " is installed");

        first.interruptGroup();
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process().exitValue()).as(first.output()).isZero();
        String compose = "compose -f " + root.resolve("stack/docker-compose.yml");
        prometheus.stop(0);
        assertThat(Files.readAllLines(calls)).filteredOn(c -> !c.startsWith("info") && !c.startsWith("compose version"))
                .containsExactly(
                compose + " ps -q --status running",
                compose + " up -d --build",
                compose + " logs -f --tail=0",
                compose + " stop");

        // the second run keeps the password and does not print it again
        Run second = start();
        prometheusWhenComposeIsUp(second);
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
        environment(pb, java.util.Map.of());
        return new Run(pb.start(), out);
    }

    private void environment(ProcessBuilder pb, java.util.Map<String, String> extra) {
        pb.environment().put("PATH", root.resolve("bin").toString());
        pb.environment().put("FAKE_DOCKER_LOG", calls.toString());
        StringBuilder opts = new StringBuilder("-Dlab.root=" + root);
        ports.forEach((key, port) -> opts.append(" -Dlab.").append(key).append('=').append(port));
        opts.append(" -Dlab.targets.node=localhost:").append(ports.get("node-exporter.port"));
        pb.environment().put("LAB_JAVA_OPTS", opts.toString());
        pb.environment().putAll(extra);
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    /** up.sh with these arguments and fakes to its end, without a terminal. */
    private Outcome run(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("stack/up.sh").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        environment(pb, env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theWayIsChosenInOneLineComposeV2ThenV1ThenNative() throws Exception {
        Outcome v2 = run(java.util.Map.of(), "--choose");
        assertThat(v2.exit()).isZero();
        assertThat(v2.stdout()).isEqualTo("compose\n");
        assertThat(v2.stderr()).isEqualTo("up: compose (docker compose): Docker engine 28.5.2 answers and docker"
                + " compose 2.40.3 (v2) is installed\n");

        executable(root.resolve("bin/docker-compose"), FAKE_COMPOSE_V1);
        Outcome v1 = run(java.util.Map.of("FAKE_COMPOSE_V2", "", "FAKE_COMPOSE_V1", "1.29.2"), "--choose");
        assertThat(v1.stdout()).isEqualTo("compose\n");
        assertThat(v1.stderr()).isEqualTo("up: compose (docker-compose): Docker engine 28.5.2 answers; docker compose"
                + " v2 is missing, docker-compose 1.29.2 (v1) is installed\n");

        Outcome tooOld = run(java.util.Map.of("FAKE_COMPOSE_V2", "", "FAKE_COMPOSE_V1", "1.25.0"), "--choose");
        assertThat(tooOld.exit()).isEqualTo(1);
        assertThat(tooOld.stderr()).isEqualTo("up: docker-compose 1.25.0 is too old (1.29 or later, or docker compose"
                + " v2, needed); update it, or run ./run.sh --native\n");
        Files.delete(root.resolve("bin/docker-compose"));

        Outcome none = run(java.util.Map.of("FAKE_COMPOSE_V2", ""), "--choose");
        assertThat(none.stdout()).isEqualTo("native\n");
        assertThat(none.stderr()).startsWith("up: native stack: Docker engine 28.5.2 answers, but neither docker"
                + " compose (v2) nor docker-compose (v1) is installed");

        Outcome down = run(java.util.Map.of("FAKE_ENGINE", "down"), "--choose");
        assertThat(down.stdout()).isEqualTo("native\n");
        assertThat(down.stderr()).startsWith("up: native stack: the docker command is installed, but no Docker engine"
                + " answers");

        Files.delete(root.resolve("bin/docker"));
        Outcome noDocker = run(java.util.Map.of(), "--choose");
        assertThat(noDocker.stdout()).isEqualTo("native\n");
        assertThat(noDocker.stderr()).isEqualTo("up: native stack: no docker command on PATH\n");
    }

    /** --native goes straight to the launcher: Docker is never asked, whatever it would answer. */
    @Test
    void nativeSkipsTheChoiceAndRunsTheLauncher() throws Exception {
        Outcome help = run(java.util.Map.of("FAKE_ENGINE", "broken"), "--native", "--help");
        assertThat(help.stderr()).isEmpty();
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).startsWith("Usage: stack ");
        assertThat(calls).satisfiesAnyOf(c -> assertThat(c).doesNotExist(),
                c -> assertThat(Files.readAllLines(c)).isEmpty());
    }

    /** Bad input ends in one line and exit 1 before stack/.env or the password is written. */
    @Test
    void aBrokenEngineOrATakenPortStopsWithOneLineAndWritesNothing() throws Exception {
        Outcome broken = run(java.util.Map.of("FAKE_ENGINE", "broken"));
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.stderr()).isEqualTo("up: a Docker engine is there but does not work: permission denied while"
                + " trying to connect to the Docker daemon socket at unix:///var/run/docker.sock; fix it, or run"
                + " ./run.sh --native\n");
        Outcome tooOld = run(java.util.Map.of("FAKE_COMPOSE_V2", "1.0.0"));
        assertThat(tooOld.exit()).isEqualTo(1);
        assertThat(tooOld.stderr()).contains("docker compose 1.0.0 is too old");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(ports.get("store-model.port"), 1,
                InetAddress.getLoopbackAddress())) {
            Outcome port = run(java.util.Map.of());
            assertThat(port.exit()).isEqualTo(1);
            assertThat(port.stderr()).contains("stack: port " + ports.get("store-model.port")
                    + " (store-model.port) on 127.0.0.1 is taken by another program");
            assertThat(port.stderr().lines().filter(l -> l.contains("Exception") || l.startsWith("\tat "))).isEmpty();
        }
        assertThat(root.resolve("stack/.env")).doesNotExist();
        assertThat(root.resolve("stack/secrets/grafana_admin_password")).doesNotExist();
        assertThat(Files.readAllLines(calls)).noneMatch(c -> c.contains(" up "));
    }

    private static String id(String flag) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", flag).start();
        p.waitFor(10, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
