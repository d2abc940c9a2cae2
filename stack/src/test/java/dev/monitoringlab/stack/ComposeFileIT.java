package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.monitoringlab.rules.ConfigChecks;
import dev.monitoringlab.rules.PrometheusFlags;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs here, so the compose file is proven structurally: Debian's docker-compose resolves and
 * validates it, and the tests check what the lab asks of each service against that resolved form.
 */
class ComposeFileIT {
    private static final ExternalTool COMPOSE = new ExternalTool(List.of("docker-compose"), "docker-compose");
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static JsonNode services;
    private static JsonNode resolved;

    @BeforeAll
    static void resolve() throws IOException {
        String yaml = ConfigChecks.run(COMPOSE, "-f", LAYOUT.stackDir().resolve("docker-compose.yml").toString(),
                "--project-directory", LAYOUT.stackDir().toString(), "config");
        resolved = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        services = resolved.path("services");
    }

    @Test
    void prometheusUsesTheHostNetworkAndMountsTheGeneratedConfigReadOnly() {
        JsonNode p = services.path("prometheus");
        assertThat(p.path("network_mode").asText()).isEqualTo("host");
        assertThat(mount(p, "/etc/prometheus")).endsWith(":ro").startsWith(LAYOUT.generatedDir().resolve("prometheus").toString());
        assertThat(namedVolume(p, "/prometheus")).isTrue();
        assertThat(p.path("command").toString()).contains("--config.file=/etc/prometheus/prometheus.yml");
    }

    @Test
    void prometheusTakesItsRestoreFlagsFromTheSettingsThroughTheComposeVariables() throws Exception {
        assertThat(services.path("prometheus").path("command").toString()).as("defaults without stack/.env")
                .contains(PrometheusFlags.commandLine(MonitoringSettings.defaults()));
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.PROMETHEUS_FOR_GRACE_PERIOD, "2m")
                .with(Setting.PROMETHEUS_FOR_OUTAGE_TOLERANCE, "15m");
        ProcessBuilder pb = new ProcessBuilder(COMPOSE.require().toString(), "-f",
                LAYOUT.stackDir().resolve("docker-compose.yml").toString(), "--project-directory",
                LAYOUT.stackDir().toString(), "config").redirectErrorStream(true);
        // what stack/.env carries once the launcher's compose-env has written it from these settings
        pb.environment().putAll(PrometheusFlags.composeVariables(s));
        Process p = pb.start();
        String yaml = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(yaml).isZero();
        JsonNode command = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("services").path("prometheus")
                .path("command");
        assertThat(command.toString()).contains(PrometheusFlags.commandLine(s))
                .contains("--rules.alert.for-grace-period=2m");
    }

    @Test
    void alertmanagerReadsItsConfigFromTheImagesPathWithGossipOff() {
        JsonNode a = services.path("alertmanager");
        assertThat(mount(a, "/etc/alertmanager")).endsWith(":ro");
        assertThat(a.path("command").toString()).contains("--config.file=/etc/alertmanager/alertmanager.yml")
                .contains("\"--cluster.listen-address=\"");
        assertThat(namedVolume(a, "/alertmanager")).isTrue();
    }

    @Test
    void grafanaTakesItsPasswordFromASecretFileAndReachesPrometheusOnTheHostsLoopback() {
        JsonNode g = services.path("grafana");
        JsonNode env = g.path("environment");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD__FILE").asText()).isEqualTo("/run/secrets/grafana_admin_password");
        assertThat(env.has("GF_SECURITY_ADMIN_PASSWORD")).as("no literal password").isFalse();
        assertThat(resolved.path("secrets").path("grafana_admin_password").path("file").asText())
                .isEqualTo(LAYOUT.secretsDir().resolve("grafana_admin_password").toString());
        // Prometheus listens on 127.0.0.1: Grafana shares the host network, where the datasource's host is loopback
        assertThat(g.path("network_mode").asText()).isEqualTo("host");
        assertThat(g.path("extra_hosts").toString()).contains("host.docker.internal:127.0.0.1");
        assertThat(env.path("GF_SERVER_HTTP_ADDR").asText()).isEqualTo("127.0.0.1");
        assertThat(mount(g, "/etc/grafana/provisioning")).endsWith(":ro");
        assertThat(namedVolume(g, "/var/lib/grafana")).isTrue();
    }

    @Test
    void everyImageIsPinnedAndEveryServiceHasAHealthcheck() {
        services.fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            assertThat(image).as(e.getKey()).matches("[a-z0-9./-]+:v?\\d+\\.\\d+\\.\\d+([_-][a-z0-9_-]+)?");
            // the traffic generator is a client: no port to check, and compose restarts it if it ends
            if (!e.getValue().path("restart").asText().equals("no") && !e.getKey().equals("traffic")) {
                assertThat(e.getValue().has("healthcheck")).as(e.getKey() + " healthcheck").isTrue();
            }
        });
        assertThat(services.path("grafana").path("depends_on").path("prometheus").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void theStoreModelIsBuiltFromTheRepositoryAndPublishedForPrometheusOnTheHostNetwork() {
        JsonNode m = services.path("store-model");
        assertThat(m.path("build").path("dockerfile").asText()).isEqualTo("model-serving/Dockerfile");
        assertThat(m.path("build").path("context").asText()).isEqualTo(LAYOUT.root().toString());
        assertThat(m.path("ports").toString()).contains("8000");
    }

    @Test
    void theMockRunsFromTheBuiltJarOnAllInterfacesOfItsContainerAtThePortPrometheusScrapes() {
        JsonNode m = services.path("modelmock");
        assertThat(mount(m, "/app/modelmock.jar")).endsWith(":ro")
                .startsWith(LAYOUT.root().resolve("modelmock/target/modelmock.jar").toString());
        assertThat(m.path("command").toString()).contains("\"-jar\",\"/app/modelmock.jar\"")
                .contains("\"--host\",\"0.0.0.0\",\"--port\",\"9000\"");
        assertThat(m.path("ports").toString()).contains("9000");
        assertThat(m.path("user").asText()).matches("\\d+:\\d+");
        // the image's ENTRYPOINT passes --host 0.0.0.0 itself; a second one makes the service exit 2
        assertThat(services.path("store-model").path("command").isMissingNode()).isTrue();
    }

    @Test
    void trafficAndTheHostsNodeExporterAreProfilesTheGeneratedEnvSwitchesOn() {
        JsonNode t = services.path("traffic");
        assertThat(t.path("profiles").toString()).isEqualTo("[\"traffic\"]");
        assertThat(t.path("image").asText()).isEqualTo(services.path("store-model").path("image").asText());
        assertThat(t.path("entrypoint").toString()).contains("traffic --scenario normal --url http://store-model:8000");
        assertThat(t.path("depends_on").path("store-model").path("condition").asText()).isEqualTo("service_healthy");
        JsonNode n = services.path("node-exporter");
        assertThat(n.path("profiles").toString()).isEqualTo("[\"node-exporter\"]");
        assertThat(n.path("network_mode").asText()).isEqualTo("host");
        assertThat(n.path("pid").asText()).isEqualTo("host");
        assertThat(n.path("command").toString()).contains("--path.rootfs=/host");
    }

    /** The .env the launcher writes moves every published port: nothing to keep equal by hand. */
    @Test
    void theGeneratedEnvFileMovesEveryPortComposePublishes(@TempDir Path dir) throws IOException {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.PROMETHEUS_PORT, "19090")
                .with(Setting.ALERTMANAGER_PORT, "19093").with(Setting.GRAFANA_PORT, "13000")
                .with(Setting.MODEL_MOCK_PORT, "19000").with(Setting.STORE_MODEL_PORT, "18000")
                .with(Setting.NODE_EXPORTER_PORT, "19100").with(Setting.NODE_TARGETS, "localhost:19100");
        ComposeEnv env = new ComposeEnv(new ProjectLayout(dir), new PrintStream(OutputStream.nullOutputStream()));
        env.prepare(s, 4321, 8765);
        String yaml = ConfigChecks.run(COMPOSE, "--env-file", env.envFile().toString(), "-f",
                LAYOUT.stackDir().resolve("docker-compose.yml").toString(), "--project-directory",
                LAYOUT.stackDir().toString(), "config");
        JsonNode moved = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("services");
        assertThat(moved.path("prometheus").path("command").toString()).contains("--web.listen-address=127.0.0.1:19090");
        assertThat(published(moved, "alertmanager")).isEqualTo("19093");
        assertThat(moved.path("grafana").path("environment").path("GF_SERVER_HTTP_PORT").asText()).isEqualTo("13000");
        assertThat(published(moved, "modelmock")).isEqualTo("19000");
        assertThat(published(moved, "store-model")).isEqualTo("18000");
        assertThat(moved.path("node-exporter").path("command").toString())
                .contains("--web.listen-address=127.0.0.1:19100");
        assertThat(moved.path("grafana").path("user").asText()).isEqualTo("4321:8765");
        assertThat(moved.path("traffic").path("environment").path("STORE_MODEL_TRAFFIC_RATE").asText()).isEqualTo("1");
    }

    private static String published(JsonNode services, String name) {
        JsonNode port = services.path(name).path("ports").get(0);
        if (port.isTextual()) {
            String[] parts = port.asText().split(":");
            return parts[parts.length - 2];
        }
        return port.path("published").asText();
    }

    /** host_ip of a service's first published port. */
    private static String publishedOn(JsonNode services, String name) {
        JsonNode port = services.path(name).path("ports").get(0);
        return port.isTextual() ? port.asText().split(":")[0] : port.path("host_ip").asText();
    }

    /** Nothing answers from the network by default: ports on 127.0.0.1, no lifecycle endpoint, no rslave. */
    @Test
    void onlyThisMachineReachesTheStackUnlessTheSettingsOpenIt(@TempDir Path dir) throws IOException {
        List<String> published = List.of("alertmanager", "modelmock", "store-model");
        for (String name : published) {
            assertThat(publishedOn(services, name)).as(name + " without .env").isEqualTo("127.0.0.1");
        }
        assertThat(services.path("prometheus").path("command").toString())
                .contains("--web.listen-address=127.0.0.1:9090", "--no-web.enable-lifecycle")
                .doesNotContain("\"--web.enable-lifecycle\"");
        assertThat(mount(services.path("node-exporter"), "/host")).isEqualTo("/:/host:ro");
        ComposeEnv env = new ComposeEnv(new ProjectLayout(dir), new PrintStream(OutputStream.nullOutputStream()));
        env.prepare(MonitoringSettings.defaults(), 1000, 1000);
        JsonNode closed = config(env.envFile(), "cadvisor", "ha");
        for (String name : List.of("alertmanager", "modelmock", "store-model", "cadvisor", "alertmanager-b", "victoriametrics")) {
            assertThat(publishedOn(closed, name)).as(name).isEqualTo("127.0.0.1");
        }
        assertThat(closed.path("prometheus-b").path("command").toString()).contains("--web.listen-address=127.0.0.1:9092",
                "--no-web.enable-lifecycle");
        assertThat(closed.path("node-exporter").path("command").toString()).contains("--web.listen-address=127.0.0.1:9100");
        env.prepare(MonitoringSettings.defaults().with(Setting.COMPOSE_OPEN_PORTS, "true")
                .with(Setting.PROMETHEUS_LIFECYCLE_API, "true").with(Setting.NODE_EXPORTER_RSLAVE, "true"), 1000, 1000);
        JsonNode open = config(env.envFile(), "cadvisor", "ha");
        for (String name : List.of("alertmanager", "modelmock", "store-model", "cadvisor", "alertmanager-b", "victoriametrics")) {
            assertThat(publishedOn(open, name)).as(name).isEqualTo("0.0.0.0");
        }
        assertThat(open.path("prometheus").path("command").toString())
                .contains("--web.listen-address=0.0.0.0:9090", "\"--web.enable-lifecycle\"");
        assertThat(open.path("grafana").path("environment").path("GF_SERVER_HTTP_ADDR").asText()).isEqualTo("0.0.0.0");
        assertThat(mount(open.path("node-exporter"), "/host")).isEqualTo("/:/host:ro,rslave");
    }

    private static JsonNode config(Path envFile, String... profiles) throws IOException {
        List<String> args = new ArrayList<>(List.of("--env-file", envFile.toString()));
        for (String p : profiles) {
            args.addAll(List.of("--profile", p));
        }
        args.addAll(List.of("-f", LAYOUT.stackDir().resolve("docker-compose.yml").toString(), "--project-directory",
                LAYOUT.stackDir().toString(), "config"));
        return new ObjectMapper(new YAMLFactory()).readTree(ConfigChecks.run(COMPOSE, args.toArray(String[]::new)))
                .path("services");
    }

    @Test
    void cadvisorIsAnOptInProfileWithTheMountsItsDocsList() {
        JsonNode c = services.path("cadvisor");
        assertThat(c.path("profiles").toString()).isEqualTo("[\"cadvisor\"]");
        assertThat(c.path("image").asText()).startsWith("ghcr.io/google/cadvisor:v");
        for (String target : List.of("/rootfs", "/var/run", "/sys", "/var/lib/docker", "/dev/disk")) {
            assertThat(mount(c, target)).as(target).endsWith(":ro");
        }
        assertThat(c.path("privileged").asBoolean()).isTrue();
        assertThat(c.path("devices").toString()).contains("/dev/kmsg");
        assertThat(c.path("ports").toString()).contains("8080");
    }

    @Test
    void theConfigFilesTheBuildGeneratesAreWhereComposeMountsThem() {
        assertThat(LAYOUT.generatedDir().resolve("prometheus/prometheus.yml")).as("run mvn package first").isRegularFile();
        assertThat(LAYOUT.generatedDir().resolve("alertmanager/alertmanager.yml")).isRegularFile();
        assertThat(Files.isDirectory(LAYOUT.generatedDir().resolve("prometheus/rules"))).isTrue();
    }

    /** ha.enabled=true: replica a's config and gossip on for the first pair, the profile's services on the settings' ports. */
    @Test
    void theHaProfileRunsTwoReplicasTwoGossipingAlertmanagersAndVictoriaMetrics(@TempDir Path dir) throws IOException {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.HA_ENABLED, "true")
                .with(Setting.HA_PROMETHEUS_PORT_B, "19092").with(Setting.HA_ALERTMANAGER_PORT_B, "19095")
                .with(Setting.VICTORIA_METRICS_PORT, "18428").with(Setting.VICTORIA_METRICS_RETENTION, "2w")
                .with(Setting.GROUP_INTERVAL, "10s").with(Setting.HA_ALERTMANAGER_PEER_TIMEOUT, "3s");
        ComposeEnv env = new ComposeEnv(new ProjectLayout(dir), new PrintStream(OutputStream.nullOutputStream()));
        env.prepare(s, 1000, 1000);
        assertThat(Files.readString(env.envFile())).contains("COMPOSE_PROFILES=node-exporter,traffic,ha");
        String yaml = ConfigChecks.run(COMPOSE, "--env-file", env.envFile().toString(), "--profile", "ha", "-f",
                LAYOUT.stackDir().resolve("docker-compose.yml").toString(), "--project-directory",
                LAYOUT.stackDir().toString(), "config");
        JsonNode ha = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("services");
        assertThat(ha.path("prometheus").path("command").toString())
                .contains("--config.file=/etc/prometheus/prometheus-replica-a.yml");
        assertThat(ha.path("prometheus-b").path("command").toString())
                .contains("--config.file=/etc/prometheus/prometheus-replica-b.yml").contains("--web.listen-address=127.0.0.1:19092");
        assertThat(ha.path("prometheus-b").path("network_mode").asText()).isEqualTo("host");
        assertThat(ha.path("alertmanager").path("command").toString())
                .contains("--cluster.listen-address=0.0.0.0:9094").contains("--cluster.peer-timeout=3s");
        assertThat(ha.path("alertmanager-b").path("command").toString())
                .contains("--cluster.peer=alertmanager:9094").contains("--cluster.peer-timeout=3s");
        assertThat(published(ha, "alertmanager-b")).isEqualTo("19095");
        JsonNode vm = ha.path("victoriametrics");
        assertThat(vm.path("image").asText()).startsWith("victoriametrics/victoria-metrics:v");
        assertThat(vm.path("command").toString()).contains("-retentionPeriod=14d").contains("-dedup.minScrapeInterval=5s");
        assertThat(published(ha, "victoriametrics")).isEqualTo("18428");
        assertThat(namedVolume(vm, "/victoria-metrics-data")).isTrue();
        for (String r : List.of("a", "b")) {
            assertThat(LAYOUT.generatedDir().resolve("prometheus/prometheus-replica-" + r + ".yml")).as("run mvn package first")
                    .isRegularFile();
        }
    }

    private static String mount(JsonNode service, String target) {
        List<String> found = new ArrayList<>();
        for (JsonNode v : service.path("volumes")) {
            String text = v.isTextual() ? v.asText() : v.path("source").asText() + ":" + v.path("target").asText()
                    + (v.path("read_only").asBoolean() ? ":ro" : "");
            if (text.split(":")[1].equals(target)) {
                found.add(text);
            }
        }
        assertThat(found).as("a mount at " + target + " in " + service).hasSize(1);
        return found.get(0);
    }

    private static boolean namedVolume(JsonNode service, String target) {
        String m = mount(service, target);
        return !m.startsWith("/") && !m.startsWith(".");
    }
}
