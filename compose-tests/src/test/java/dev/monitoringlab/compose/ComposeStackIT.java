package dev.monitoringlab.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.Waits;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The users' path, live: {@code stack/up.sh} (what {@code ./run.sh} runs after the build) chooses docker compose,
 * builds the store model's image and starts the real compose file on a Docker engine of the test's own, with
 * stand-ins of the pinned images built from Debian packages of the same versions. It runs as a user other than
 * root, in a copy of this checkout with free ports and a Discord webhook that points at a local look-alike on the
 * engine's bridge address. Grafana (no package here) and cAdvisor (no package of its pinned version) are not
 * started: every other service is, by name, on the same `up.sh` command line a user would type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ComposeStackIT {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final List<String> SERVICES = List.of("prometheus", "alertmanager", "modelmock", "store-model",
            "traffic", "node-exporter");
    private static final Set<String> JOBS = Set.of("prometheus", "alertmanager", "model_mock", "store_model", "node");

    private TestEngine engine;
    private Path scratch;
    private FakeDiscord discord;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private Process up;
    private Path upOutput;
    private PrometheusApi prometheus;

    @BeforeAll
    void engineImagesAndACopyOfTheCheckout() throws Exception {
        engine = new TestEngine(LAYOUT);
        String gateway = engine.docker("network", "inspect", "bridge", "--format",
                "{{(index .IPAM.Config 0).Gateway}}").strip();
        // the engine's bridge address: containers reach it, nothing outside this machine does
        discord = new FakeDiscord(InetAddress.getByName(gateway));
        scratch = Files.createTempDirectory("compose-checkout");
        copyCheckout(LAYOUT.root(), scratch);
        for (String key : List.of("prometheus.port", "alertmanager.port", "grafana.port", "model-mock.port",
                "store-model.port", "node-exporter.port")) {
            ports.put(key, dev.monitoringlab.stack.Ports.free());
        }
        StringBuilder settings = new StringBuilder();
        ports.forEach((k, v) -> settings.append(k).append('=').append(v).append('\n'));
        settings.append("targets.node=localhost:").append(ports.get("node-exporter.port")).append('\n')
                .append("discord.webhook-url=").append(discord.url()).append('\n');
        Files.writeString(scratch.resolve("stack/settings.properties"), settings);
        generateConfigs();
        TestEngine.exec(List.of("chown", "-R", TestEngine.UID + ":" + TestEngine.UID, scratch.toString()), Map.of(), 60);
        prometheus = new PrometheusApi(URI.create("http://127.0.0.1:" + ports.get("prometheus.port")));
    }

    /** The checkout as a user has it: sources and the built jars, not this machine's settings, secrets or data. */
    private static void copyCheckout(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of(".git", "stack/generated", "stack/secrets", "stack/data", "stack/.env",
                "stack/settings.properties");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                boolean skip = false;
                for (int i = 1; i <= rel.getNameCount() && !rel.toString().isEmpty(); i++) {
                    skip |= skipped.contains(rel.subpath(0, i).toString());
                }
                for (Path part : rel) {
                    skip |= part.toString().equals("target");
                }
                if (skip) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        for (String jar : List.of("stack/target/stack-launcher.jar", "modelmock/target/modelmock.jar")) {
            assertThat(from.resolve(jar)).as("built before this module").isRegularFile();
            Files.createDirectories(to.resolve(jar).getParent());
            Files.copy(from.resolve(jar), to.resolve(jar));
        }
        Files.createDirectories(to.resolve("stack/secrets"));
    }

    /** What `mvn package` writes, for the copy's settings: the same generator, run on its root. */
    private void generateConfigs() {
        TestEngine.exec(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dlab.root=" + scratch,
                "dev.monitoringlab.rules.GenerateConfigsMain", "--root", scratch.toString(), "--skip-checks=true"),
                Map.of(), 120);
    }

    @AfterAll
    void nothingLeftRunning() throws Exception {
        try {
            if (up != null && up.isAlive()) {
                interrupt();
            }
            if (engine != null) {
                compose("down", "-v");
                assertThat(engine.docker("ps", "-aq").strip()).as("containers left").isEmpty();
            }
        } finally {
            if (discord != null) {
                discord.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (scratch != null) {
                TestEngine.exec(List.of("rm", "-rf", scratch.toString()), Map.of(), 60);
            }
        }
    }

    @Test
    @Order(1)
    void theStoreModelsBuildContextHoldsSourcesOnlyWithEitherBuilder() throws IOException {
        // what must never reach a daemon: history, build output, secrets, this machine's .env
        Files.createDirectories(scratch.resolve(".git"));
        Files.writeString(scratch.resolve(".git/config"), "canary\n");
        Files.writeString(scratch.resolve("stack/secrets/grafana_admin_password"), "canary\n");
        Files.writeString(scratch.resolve("stack/.env"), "CANARY=1\n");
        // outside the context, in a folder the stack's user can list (BuildKit sends the Dockerfile's folder)
        Path dockerfileDir = Files.createDirectories(engine.run().resolve("context-dockerfile"));
        Path dockerfile = dockerfileDir.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM monitoring-lab-standin/busybox:bookworm\nCOPY . /ctx\n"
                + "RUN cd /ctx && find . -mindepth 1 | sort > /context.txt\n");
        TestEngine.exec(List.of("chown", "-R", TestEngine.UID + ":" + TestEngine.UID, dockerfileDir.toString()), Map.of(), 10);
        try {
            for (String builder : List.of("0", "1")) {
                String tag = "compose-tests/context:" + (builder.equals("1") ? "buildkit" : "classic");
                Map<String, String> env = new LinkedHashMap<>(engine.env());
                env.put("DOCKER_BUILDKIT", builder);
                // as the stack's user, as up.sh builds: buildx keeps its state in DOCKER_CONFIG, which that user owns
                TestEngine.exec(List.of(TestEngine.SETPRIV.require().toString(), "--reuid=" + TestEngine.UID,
                        "--regid=" + TestEngine.UID, "--clear-groups", TestEngine.DOCKER.require().toString(), "build",
                        "-q", "-f", dockerfile.toString(), "-t", tag, scratch.toString()), env, 300);
                List<String> context = engine.docker("run", "--rm", tag, "cat", "/context.txt").lines().toList();
                engine.docker("rmi", tag);
                assertThat(context).as("builder %s", tag).contains("./pom.xml", "./model-serving/Dockerfile",
                        "./model-serving/src", "./http-server/pom.xml");
                assertThat(context).as("builder %s", tag).noneMatch(p -> p.startsWith("./.git")
                        || p.contains("/target/") || p.endsWith("/target") || p.startsWith("./stack/secrets") || p.equals("./stack/.env")
                        || p.startsWith("./stack/generated") || p.equals("./stack/settings.properties"));
            }
        } finally {
            Files.delete(scratch.resolve("stack/secrets/grafana_admin_password"));
            Files.delete(scratch.resolve("stack/.env"));
        }
    }

    @Test
    @Order(2)
    void upShChoosesComposeAndEveryTargetPrometheusScrapesIsUp() throws Exception {
        startUp();
        String output = Files.readString(upOutput);
        assertThat(output.lines().findFirst().orElse("")).startsWith("up: compose (docker compose): Docker engine")
                .contains("docker compose 2.40.3");
        List<PrometheusApi.Target> targets = awaitTargetsUp();
        assertThat(targets).extracting(PrometheusApi.Target::job).containsExactlyInAnyOrderElementsOf(JOBS);
        // published ports on loopback only; the lifecycle endpoint closed
        for (String line : engine.docker("ps", "--format", "{{.Names}} {{.Ports}}").lines().toList()) {
            for (String port : line.substring(line.indexOf(' ') + 1).split(",\\s*")) {
                if (port.contains("->")) {
                    assertThat(port).as(line).startsWith("127.0.0.1:");
                }
            }
        }
        HttpResponse<String> quit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                prometheus.base().resolve("/-/quit")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(quit.statusCode()).as("POST /-/quit").isEqualTo(403);
        // Grafana is not started here; its service is checked as compose v2 resolves it
        JsonNode grafana = new ObjectMapper().readTree(compose("config", "--format", "json")).path("services")
                .path("grafana");
        assertThat(grafana.path("image").asText()).startsWith("grafana/grafana:");
        assertThat(grafana.path("environment").path("GF_SECURITY_ADMIN_PASSWORD__FILE").asText())
                .isEqualTo("/run/secrets/grafana_admin_password");
        assertThat(grafana.path("volumes").toString()).contains("/etc/grafana/provisioning");
    }

    @Test
    @Order(3)
    void anAlertReachesTheDiscordLookAlike() {
        requireRunning();
        // the mock's values are random in [0, 1): one above 0.75 comes within a few 5 s updates
        FakeDiscord.Message m;
        try {
            m = discord.await(msg -> FakeDiscord.title(msg).contains("ModelMockHighAccuracy"), Duration.ofMinutes(3));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + whyNoMessage(), e);
        }
        TestEngine.progress("Discord look-alike got: " + FakeDiscord.title(m));
        assertThat(FakeDiscord.title(m)).contains("FIRING");
        assertThat(discord.rejections()).isEmpty();
    }

    @Test
    @Order(4)
    void theServicesRunAsTheHostUserWhoOwnsTheirVolumes() {
        requireRunning();
        for (String[] service : new String[][] {{"prometheus", "/prometheus"}, {"alertmanager", "/alertmanager"}}) {
            String id = compose("ps", "-q", service[0]).strip();
            assertThat(engine.docker("inspect", "--format", "{{.Config.User}}", id).strip()).as(service[0])
                    .isEqualTo(TestEngine.UID + ":" + TestEngine.UID);
            assertThat(engine.docker("exec", id, "stat", "-c", "%u:%g", service[1]).strip()).as(service[1])
                    .isEqualTo(TestEngine.UID + ":" + TestEngine.UID);
        }
    }

    @Test
    @Order(5)
    void ctrlCStopsEverythingAndDataSurvivesDownAndUp() throws Exception {
        requireRunning();
        // at least six scrapes, then their count as of now, a fixed instant that the same query can ask again later
        prometheus.awaitQuery("count_over_time(up{job=\"prometheus\"}[1h])", r -> !r.isEmpty() && r.get(0).value() >= 6,
                Duration.ofSeconds(60));
        String samples = "count_over_time(up{job=\"prometheus\"}[1h] @ " + Instant.now().getEpochSecond() + ")";
        double before = prometheus.query(samples).get(0).value();
        interrupt();
        assertThat(engine.docker("ps", "-q").strip()).as("running after Ctrl+C").isEmpty();
        compose("down");
        assertThat(engine.docker("ps", "-aq").strip()).as("containers after down").isEmpty();
        assertThat(engine.docker("volume", "ls", "--format", "{{.Name}}")).contains("stack_prometheus-data");
        startUp();
        awaitTargetsUp();
        double after = prometheus.query(samples).get(0).value();
        TestEngine.progress("samples of up{job=prometheus} scraped before down: " + before + "; the same query after"
                + " down and up: " + after);
        assertThat(after).as("the samples scraped before down are still there").isEqualTo(before);
    }

    @Test
    @Order(6)
    void theHaProfileAddsASecondReplicaAndAlertmanagerAndVictoriaMetricsHoldsTheirSeries() throws Exception {
        requireRunning();
        interrupt();
        for (String key : List.of("ha.prometheus-b.port", "ha.alertmanager-b.port", "victoria-metrics.port")) {
            ports.put(key, dev.monitoringlab.stack.Ports.free());
        }
        StringBuilder settings = new StringBuilder(Files.readString(scratch.resolve("stack/settings.properties")));
        settings.append("ha.enabled=true\n");
        for (String key : List.of("ha.prometheus-b.port", "ha.alertmanager-b.port", "victoria-metrics.port")) {
            settings.append(key).append('=').append(ports.get(key)).append('\n');
        }
        Files.writeString(scratch.resolve("stack/settings.properties"), settings);
        generateConfigs();
        TestEngine.exec(List.of("chown", "-R", TestEngine.UID + ":" + TestEngine.UID, scratch.toString()), Map.of(), 60);
        startUp(List.of("prometheus-b", "alertmanager-b", "victoriametrics"));
        // each replica scrapes both replicas, both Alertmanagers and VictoriaMetrics, and the rest once
        int targets = JOBS.size() + 3;
        awaitTargetsUp(prometheus, targets);
        PrometheusApi b = new PrometheusApi(URI.create("http://127.0.0.1:" + ports.get("ha.prometheus-b.port")));
        awaitTargetsUp(b, targets);
        // VictoriaMetrics answers PromQL on the same API; both replicas write into it without their replica label
        PrometheusApi vm = new PrometheusApi(URI.create("http://127.0.0.1:" + ports.get("victoria-metrics.port")));
        List<PrometheusApi.Series> up = vm.awaitQuery("up{job=\"model_mock\"}", r -> !r.isEmpty(), Duration.ofSeconds(120));
        assertThat(up).hasSize(1);
        assertThat(up.get(0).labels()).doesNotContainKey("replica");
    }

    /** What a failed wait for a message shows: the alert's state on each side and the end of Alertmanager's log. */
    private String whyNoMessage() {
        StringBuilder why = new StringBuilder();
        for (String query : List.of("max_over_time(model_result[5m])", "ALERTS{alertname=\"ModelMockHighAccuracy\"}",
                "alertmanager_notifications_total", "alertmanager_notifications_failed_total")) {
            try {
                why.append(query).append(" = ").append(prometheus.query(query)).append('\n');
            } catch (RuntimeException | AssertionError e) {
                why.append(query).append(": ").append(e.getMessage()).append('\n');
            }
        }
        try {
            why.append("docker compose logs alertmanager (end):\n").append(compose("logs", "--no-color", "--tail", "30",
                    "alertmanager"));
        } catch (RuntimeException | AssertionError e) {
            why.append("docker compose logs alertmanager: ").append(e.getMessage());
        }
        return why.toString();
    }

    /** The later checks need the stack the second one started; without it they fail at once. */
    private void requireRunning() {
        assertThat(up != null && up.isAlive()).as("stack/up.sh is running").isTrue();
    }

    private void startUp() throws IOException {
        startUp(List.of());
    }

    private void startUp(List<String> moreServices) throws IOException {
        upOutput = Files.createTempFile("compose-up", ".out");
        List<String> command = new ArrayList<>(List.of("setsid", TestEngine.SETPRIV.require().toString(),
                "--reuid=" + TestEngine.UID, "--regid=" + TestEngine.UID, "--clear-groups",
                scratch.resolve("stack/up.sh").toString()));
        command.addAll(SERVICES);
        command.addAll(moreServices);
        ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(upOutput.toFile());
        pb.environment().putAll(engine.env());
        pb.environment().put("LAB_JAVA_OPTS", "-Dlab.root=" + scratch);
        TestEngine.progress("stack/up.sh " + String.join(" ", SERVICES) + " (the first run builds the store model)");
        up = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        int printed = 0;
        while (!Files.readString(upOutput).contains("up: running; Ctrl+C stops everything")) {
            List<String> lines = Files.readAllLines(upOutput);
            for (; printed < lines.size(); printed++) {
                String line = lines.get(printed);
                if (!line.startsWith("#") && !line.isBlank()) {
                    TestEngine.progress("up.sh| " + withoutSecrets(line));
                }
            }
            if (!up.isAlive() || Instant.now().isAfter(deadline)) {
                fail("stack/up.sh is not running (alive: " + up.isAlive() + "):\n"
                        + withoutSecrets(Files.readString(upOutput)));
            }
            Waits.pause(Duration.ofSeconds(1));
        }
    }

    /** up.sh shows the user the Grafana password it made, once; the build's log must not keep it. */
    static String withoutSecrets(String upOutput) {
        return upOutput.replaceAll("(password \\(user admin\\): )\\S+", "$1<not logged>");
    }

    private List<PrometheusApi.Target> awaitTargetsUp() {
        return awaitTargetsUp(prometheus, JOBS.size());
    }

    private static List<PrometheusApi.Target> awaitTargetsUp(PrometheusApi api, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<PrometheusApi.Target> targets = List.of();
        while (Instant.now().isBefore(deadline)) {
            targets = api.targets();
            if (targets.size() == count && targets.stream().allMatch(t -> t.health().equals("up"))) {
                return targets;
            }
            Waits.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError("targets not all up: " + targets);
    }

    /** Ctrl+C in up.sh's terminal: SIGINT to its process group; it stops the services and exits 0. */
    private void interrupt() throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + up.pid()).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();
        assertThat(up.waitFor(120, TimeUnit.SECONDS)).as("up.sh ended after SIGINT").isTrue();
        assertThat(up.exitValue()).as(Files.readString(upOutput)).isZero();
    }

    /** `docker compose ARGS` on the copy's compose file, as the stack's user runs it. */
    private String compose(String... args) {
        List<String> command = new ArrayList<>(List.of(TestEngine.SETPRIV.require().toString(),
                "--reuid=" + TestEngine.UID, "--regid=" + TestEngine.UID, "--clear-groups",
                TestEngine.DOCKER.require().toString(), "compose", "-f", scratch.resolve("stack/docker-compose.yml").toString()));
        command.addAll(List.of(args));
        return TestEngine.exec(command, engine.env(), 300);
    }

}
