package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.dashboards.grafana.DashboardJson;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's query tables quote the generated dashboards: a changed default must show up there too. */
class ReadmeTest {
    @Test
    void theReadmeShowsTheHostCpuQueryAsGenerated() throws Exception {
        Path readme = ProjectLayout.locate().root().resolve("dashboards-as-code/README.md");
        JsonNode host = new ObjectMapper().readTree(DashboardJson.write(new HostDashboard(MonitoringSettings.defaults()).build()));
        String cpu = host.findValues("expr").stream().map(JsonNode::asText)
                .filter(e -> e.contains("node_cpu_seconds_total") && e.contains("mode=\"idle\"") && e.startsWith("100"))
                .findFirst().orElseThrow();
        assertThat(Files.readString(readme)).contains("`" + cpu + "`");
    }
}
