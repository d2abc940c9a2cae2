package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.dashboards.check.PanelQueries;
import dev.monitoringlab.dashboards.check.PanelQueryChecker;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardDashboardTimeBuilder;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.PrometheusApi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel query of the Model mock and Host dashboards, run through a real Prometheus that scrapes the real
 * mock and a local node exporter, over the dashboard's time range: each must return at least one series with
 * data. Needs the prometheus, prometheus-alertmanager and prometheus-node-exporter packages (NativeStack fails
 * naming them when missing) and modelmock/target/modelmock.jar (built earlier in the reactor).
 */
class DashboardsLiveIT {
    private static final Duration SCRAPE = Duration.ofSeconds(1);

    @TempDir
    static Path work;

    private static MonitoringSettings settings;
    private static NativeStack stack;
    private static PanelQueryChecker checker;

    @BeforeAll
    static void startStack() {
        int nodeExporter = Ports.free();
        settings = MonitoringSettings.defaults()
                .with(Setting.SCRAPE_INTERVAL, "1s")
                .with(Setting.EVALUATION_INTERVAL, "1s")
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                .with(Setting.STORE_MODEL_PORT, String.valueOf(Ports.free()))
                .with(Setting.NODE_EXPORTER_PORT, String.valueOf(nodeExporter))
                .with(Setting.NODE_TARGETS, "127.0.0.1:" + nodeExporter);
        stack = NativeStack.builder(settings).workDir(work)
                .withModelMock("--interval", "1s", "--values", "0.2,0.9")
                .withNodeExporter()
                .start();
        PrometheusApi prom = stack.prometheus();
        // Two scrapes of each target, so rate() has two samples; and the mock's counter seen moving, so the
        // rate and histogram panels have an increase to show.
        prom.awaitQuery("count_over_time(up{job=~\"model_mock|node\"}[1m]) >= 2 and up == 1",
                r -> r.size() == 2, Duration.ofSeconds(60));
        prom.awaitQuery("changes(model_result_updates_total[1m]) >= 1", r -> !r.isEmpty(), Duration.ofSeconds(30));
        checker = new PanelQueryChecker(prom.base(), SCRAPE);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyModelMockPanelReturnsData() {
        PanelQueries q = PanelQueries.of(DashboardJson.write(new ModelMockDashboard(settings).build()));
        assertThat(q.queries()).hasSize(4);
        checker.assertEveryQueryHasData(q);
    }

    @Test
    void everyHostPanelAndTheInstanceVariableReturnData() {
        PanelQueries q = PanelQueries.of(DashboardJson.write(new HostDashboard(settings).build()));
        assertThat(q.queries()).hasSize(12);
        checker.assertEveryQueryHasData(q);
    }

    @Test
    void hostPanelsNarrowToThePickedInstance() {
        PanelQueries q = PanelQueries.of(DashboardJson.write(new HostDashboard(settings).build()));
        new PanelQueryChecker(stack.prometheus().base(), SCRAPE)
                .variable(HostDashboard.INSTANCE_VARIABLE, settings.nodeTargets().get(0))
                .assertEveryQueryHasData(q);
        List<String> failures = new PanelQueryChecker(stack.prometheus().base(), SCRAPE)
                .variable(HostDashboard.INSTANCE_VARIABLE, "no-such-host:9100")
                .failures(q);
        // Only the variable's own query ignores the picked instance.
        assertThat(failures).hasSize(q.queries().size() - 1)
                .allMatch(f -> f.contains("no series with data"));
    }

    @Test
    void storeModelQueriesAreValidPromqlEvenWithoutTheService() {
        // Without the store model service there is no data, but Prometheus must accept every expression.
        PanelQueries q = PanelQueries.of(DashboardJson.write(new StoreModelDashboard(settings).build()));
        List<String> failures = checker.failures(q);
        assertThat(failures).hasSize(q.queries().size())
                .allMatch(f -> f.contains("no series with data"), "only 'no data', never a Prometheus error");
    }

    @Test
    void theStoreModelQueriesOfTwoModelsAndTheSloQueriesAreValidPromqlForAnyPickedModel() throws Exception {
        Path root = work.resolve("two-models");
        ModelFolders.copyCommitted(root);
        ModelFolders.addTestModel(root);
        PanelQueries store = PanelQueries.of(DashboardJson.write(new StoreModelDashboard(settings,
                dev.monitoringlab.rules.Models.committed(root)).build()));
        PanelQueries slo = PanelQueries.of(DashboardJson.write(new SloDashboard(settings).build()));
        assertThat(store.queries()).anySatisfy(q -> assertThat(q.panel()).isEqualTo("Input drift: store-churn / region"));
        for (String model : List.of(".*", ModelFolders.TEST_MODEL)) {
            PanelQueryChecker picked = new PanelQueryChecker(stack.prometheus().base(), SCRAPE)
                    .variable(StoreModelDashboard.MODEL_VARIABLE, model);
            for (PanelQueries q : List.of(store, slo)) {
                assertThat(picked.failures(q)).as("model %s, %s", model, q.dashboardUid()).hasSize(q.queries().size())
                        .allMatch(f -> f.contains("no series with data"), "only 'no data', never a Prometheus error");
            }
        }
    }

    @Test
    void theCheckerNamesDashboardPanelAndExprOfAQueryWithoutData() {
        String json = DashboardJson.write(Common.dashboard("probe", "Probe", "checker self-test")
                .time(new DashboardDashboardTimeBuilder().from("now-5m").to("now"))
                .withPanel(Common.timeseries("Typo", "").withTarget(Common.query("model_resutl", "")))
                .withPanel(Common.timeseries("Broken", "").withTarget(Common.query("rate(model_result[", "")))
                .withPanel(Common.timeseries("Fine", "").withTarget(Common.query("model_result", "")))
                .build());
        List<String> failures = checker.failures(PanelQueries.of(json));
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).startsWith("dashboard 'Probe', panel 'Typo', target A, expr model_resutl: no series");
        assertThat(failures.get(1)).startsWith("dashboard 'Probe', panel 'Broken'").contains("bad_data");
    }

    @Test
    void theDatasourceUrlPointsAtThePrometheusPortTheStackUses() {
        URI fromGrafana = URI.create(GrafanaProvisioning.prometheusUrl(settings));
        assertThat(fromGrafana.getPort()).isEqualTo(stack.prometheus().base().getPort());
    }
}
