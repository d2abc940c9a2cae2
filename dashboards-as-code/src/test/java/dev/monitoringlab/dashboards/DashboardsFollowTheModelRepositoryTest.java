package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.dashboards.check.PanelQueries;
import dev.monitoringlab.settings.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store model dashboard follows the model repository without a code change: a model folder added to a copy of
 * the repository (three inputs) gets its row, class share and one drift panel per input from the same command
 * {@code mvn package} runs, and the result passes the generator's checks and Grafana's schemas; a bad descriptor
 * stops generation with one line and writes nothing.
 */
class DashboardsFollowTheModelRepositoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STORE = Path.of("stack/generated/grafana/dashboards/store-model.json");

    @TempDir
    Path tmp;

    private static CliRun generate(Path root) {
        return CliRun.of(new Main(), "--root", root.toString());
    }

    private static List<String> titles(JsonNode dashboard) {
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        return titles;
    }

    @Test
    void aModelFolderAddedToTheRepositoryGetsItsPanelsWithoutAJavaChange() throws Exception {
        Path before = tmp.resolve("before");
        Path after = tmp.resolve("after");
        ModelFolders.copyCommitted(before);
        ModelFolders.copyCommitted(after);
        ModelFolders.addTestModel(after);

        assertThat(generate(before).code()).isZero();
        CliRun run = generate(after);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("store model panels for [^\\n]*store-churn, store-success");

        JsonNode one = JSON.readTree(Files.readString(before.resolve(STORE)));
        JsonNode two = JSON.readTree(Files.readString(after.resolve(STORE)));
        List<String> added = new ArrayList<>(titles(two));
        titles(one).forEach(added::remove);
        assertThat(added).containsExactly("Model store-churn", "Class share: store-churn",
                "Input drift: store-churn / customers_count", "Input drift: store-churn / visits_per_week",
                "Input drift: store-churn / region");

        // the new panels query the new model's series, narrowed by the model variable like every other
        List<String> exprs = new ArrayList<>();
        for (PanelQueries.PanelQuery q : PanelQueries.of(Files.readString(after.resolve(STORE))).queries()) {
            if (q.panel().contains("store-churn")) {
                exprs.add(q.expr());
            }
        }
        assertThat(exprs).hasSize(4).allSatisfy(e -> assertThat(e).contains("model=\"store-churn\"", "model=~\"$model\""));
        assertThat(exprs.get(0)).contains("class=\"leaves\"");
        assertThat(exprs.get(3)).contains("feature=\"region\"");

        // what the generator checks and Grafana's own schema say of the two-model dashboard
        assertThat(DashboardChecks.problems(List.of(new StoreModelDashboard(dev.monitoringlab.settings.MonitoringSettings
                .defaults(), dev.monitoringlab.rules.Models.committed(after)).build()), Common.prometheus())).isEmpty();
        GrafanaSchemas schemas = GrafanaSchemas.locate().orElseThrow(() -> new AssertionError(GrafanaSchemas.notFoundMessage()));
        assertThat(GrafanaSchemas.errors(schemas.dashboard(), two)).isEmpty();
        for (JsonNode p : two.path("panels")) {
            for (JsonNode t : p.path("targets")) {
                assertThat(GrafanaSchemas.errors(schemas.prometheusDataquery(), t)).as(p.path("title").asText()).isEmpty();
            }
        }
    }

    @Test
    void aBadDescriptorStopsGenerationWithOneLineAndWritesNothing() throws Exception {
        Path root = tmp.resolve("bad");
        ModelFolders.copyCommitted(root);
        Path descriptor = ModelFolders.addTestModel(root);
        Files.writeString(descriptor, Files.readString(descriptor).replace("\"name\": \"store-churn\"",
                "\"name\": \"store-churned\""));

        CliRun run = generate(root);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("dashboards-as-code: ")
                .contains("store-churn/model.json", "differs from its folder").doesNotContain("Exception");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.startsWith(root.resolve("stack")))).isEmpty();
        }
    }
}
