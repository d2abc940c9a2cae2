package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeEnvTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ComposeEnv env() {
        return new ComposeEnv(new ProjectLayout(root), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void theEnvFileCarriesTheUserAndEveryPortFromTheSettings() throws IOException {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.PROMETHEUS_PORT, "19090")
                .with(Setting.GRAFANA_PORT, "13000");
        env().prepare(s, 1234, 5678);
        String text = Files.readString(env().envFile());
        assertThat(text).startsWith(ComposeEnv.HEADER).contains("LAB_UID=1234\n", "LAB_GID=5678\n",
                "PROMETHEUS_PORT=19090\n", "ALERTMANAGER_PORT=9093\n", "GRAFANA_PORT=13000\n", "MODEL_MOCK_PORT=9000\n",
                "STORE_MODEL_PORT=8000\n", "NODE_EXPORTER_PORT=9100\n", "STORE_MODEL_TRAFFIC_RATE=1\n",
                "COMPOSE_PROFILES=node-exporter,traffic\n");
        // generated, so a changed setting is followed on the next run
        env().prepare(s.with(Setting.PROMETHEUS_PORT, "29090"), 1234, 5678);
        assertThat(Files.readString(env().envFile())).contains("PROMETHEUS_PORT=29090\n");
    }

    @Test
    void aHandWrittenEnvFileIsKeptButMustAgreeWithTheSettings() throws IOException {
        Files.createDirectories(env().envFile().getParent());
        Files.writeString(env().envFile(), "LAB_UID=1000\nLAB_GID=1000\nPROMETHEUS_PORT=9090\n");
        env().prepare(MonitoringSettings.defaults(), 1000, 1000);
        assertThat(Files.readString(env().envFile())).isEqualTo("LAB_UID=1000\nLAB_GID=1000\nPROMETHEUS_PORT=9090\n");
        assertThatThrownBy(() -> env().prepare(MonitoringSettings.defaults().with(Setting.PROMETHEUS_PORT, "19090"), 1000, 1000))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("PROMETHEUS_PORT=9090 but the settings say 19090");
    }

    @Test
    void theGrafanaPasswordIsRandomOwnerOnlyPrintedOnceAndNeverOverwritten() throws IOException {
        env().prepare(MonitoringSettings.defaults(), 1000, 1000);
        Path file = env().passwordFile();
        String password = Files.readString(file).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(password).contains(file.toString());

        printed.reset();
        env().prepare(MonitoringSettings.defaults(), 1000, 1000);
        assertThat(Files.readString(file).trim()).isEqualTo(password);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(password);

        Path other = root.resolve("other");
        ComposeEnv second = new ComposeEnv(new ProjectLayout(other), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        second.prepare(MonitoringSettings.defaults(), 1000, 1000);
        assertThat(Files.readString(second.passwordFile()).trim()).as("random").isNotEqualTo(password);
    }

    @Test
    void anEmptyPasswordFileIsRefusedNotReplaced() throws IOException {
        Files.createDirectories(env().passwordFile().getParent());
        Files.writeString(env().passwordFile(), "\n");
        assertThatThrownBy(() -> env().prepare(MonitoringSettings.defaults(), 1000, 1000))
                .hasMessageContaining("is empty");
        assertThat(Files.readString(env().passwordFile())).isEqualTo("\n");
    }

    @Test
    void optionalServicesRunExactlyWhenTheyAreScrapedOrAskedFor() {
        MonitoringSettings s = MonitoringSettings.defaults();
        assertThat(ComposeEnv.profiles(s)).containsExactly("node-exporter", "traffic");
        assertThat(ComposeEnv.profiles(s.with(Setting.NODE_TARGETS, "192.168.122.10:9100"))).containsExactly("traffic");
        assertThat(ComposeEnv.profiles(s.with(Setting.STORE_MODEL_TRAFFIC_RATE, "0"))).containsExactly("node-exporter");
        assertThat(ComposeEnv.profiles(s.with(Setting.CADVISOR_ENABLED, "true")))
                .containsExactly("node-exporter", "traffic", "cadvisor");
        assertThat(ComposeEnv.services(s)).extracting(StackSummary.Service::name)
                .containsExactly("Prometheus", "Alertmanager", "Grafana", "model mock", "store model", "node exporter",
                        "traffic");
    }

    @Test
    void aPortAnotherProgramHoldsIsNamedWithItsSettingBeforeAnythingIsWritten() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            MonitoringSettings s = MonitoringSettings.defaults().with(Setting.STORE_MODEL_PORT,
                    String.valueOf(taken.getLocalPort()));
            assertThat(ComposeEnv.ports(s)).containsEntry("store-model.port", taken.getLocalPort());
            assertThatThrownBy(() -> ComposeEnv.requireFreePorts(s)).isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (store-model.port) on 127.0.0.1 is taken");
        }
        MonitoringSettings ha = MonitoringSettings.defaults().with(Setting.HA_ENABLED, "true")
                .with(Setting.CADVISOR_ENABLED, "true");
        assertThat(ComposeEnv.ports(ha)).containsKeys("ha.prometheus-b.port", "victoria-metrics.port", "targets.cadvisor");
        assertThat(ComposeEnv.ports(MonitoringSettings.defaults())).doesNotContainKeys("ha.prometheus-b.port",
                "targets.cadvisor");
    }

    @Test
    void nothingIsOpenToTheNetworkUnlessTheSettingsSaySo() throws IOException {
        MonitoringSettings s = MonitoringSettings.defaults();
        env().prepare(s, 1000, 1000);
        assertThat(Files.readString(env().envFile())).contains("PUBLISH_ADDRESS=127.0.0.1\n",
                "PROMETHEUS_LIFECYCLE_FLAG=--no-web.enable-lifecycle\n", "NODE_EXPORTER_ROOT_MOUNT=ro\n");
        env().prepare(s.with(Setting.COMPOSE_OPEN_PORTS, "true").with(Setting.PROMETHEUS_LIFECYCLE_API, "true")
                .with(Setting.NODE_EXPORTER_RSLAVE, "true"), 1000, 1000);
        assertThat(Files.readString(env().envFile())).contains("PUBLISH_ADDRESS=0.0.0.0\n",
                "PROMETHEUS_LIFECYCLE_FLAG=--web.enable-lifecycle\n", "NODE_EXPORTER_ROOT_MOUNT=ro,rslave\n");
    }
}
