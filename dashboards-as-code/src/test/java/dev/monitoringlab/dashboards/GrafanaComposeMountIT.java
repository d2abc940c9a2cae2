package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.monitoringlab.rules.ConfigChecks;
import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compose would provision what this module generates: the grafana service mounts the generated folders where
 * the generated provisioning files point, and its home dashboard is one of ours. Runs after this module's
 * package phase, so the files exist; Debian's docker-compose resolves the compose file (no engine needed).
 */
class GrafanaComposeMountIT {
    private static final ExternalTool COMPOSE = new ExternalTool(List.of("docker-compose"), "docker-compose");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void grafanaProvisionsTheGeneratedDashboardsFromWhereComposeMountsThem() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        JsonNode grafana = YAML.readTree(ConfigChecks.run(COMPOSE, "-f",
                layout.stackDir().resolve("docker-compose.yml").toString(), "--project-directory",
                layout.stackDir().toString(), "config")).path("services").path("grafana");
        Path generated = layout.generatedDir().resolve("grafana");

        assertThat(mountSource(grafana, "/etc/grafana/dashboards")).isEqualTo(generated.resolve("dashboards").toString());
        assertThat(mountSource(grafana, "/etc/grafana/provisioning")).isEqualTo(generated.resolve("provisioning").toString());
        assertThat(generated.resolve("provisioning/datasources/prometheus.yml")).isRegularFile();

        Path providers = generated.resolve("provisioning/dashboards/dashboards.yml");
        assertThat(YAML.readTree(providers.toFile()).path("providers").path(0).path("options").path("path").asText())
                .as("provider path in " + providers).isEqualTo("/etc/grafana/dashboards");

        String home = grafana.path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        assertThat(home).startsWith("/etc/grafana/dashboards/");
        assertThat(generated.resolve("dashboards").resolve(Path.of(home).getFileName())).isRegularFile();
    }

    private static String mountSource(JsonNode service, String target) {
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.isTextual() ? v.asText().split(":")
                    : new String[] {v.path("source").asText(), v.path("target").asText()};
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError("no mount at " + target + " in " + service);
    }
}
