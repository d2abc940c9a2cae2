package dev.monitoringlab.serving.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.dashboards.DashboardJson;
import dev.monitoringlab.dashboards.SloDashboard;
import dev.monitoringlab.dashboards.StoreModelDashboard;
import dev.monitoringlab.dashboards.check.PanelQueries;
import dev.monitoringlab.dashboards.check.PanelQueryChecker;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.traffic.TrafficRunner;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.PrometheusApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Store model dashboard's live proof: the real service with normal traffic and a few rejected requests,
 * scraped by the real Prometheus; every panel query of the dashboard must return at least one series.
 */
class StoreModelDashboardLiveIT {
    private static final Duration SCRAPE = Duration.ofSeconds(1);

    @TempDir
    Path work;

    @Test
    void everyStoreModelPanelReturnsData() throws Exception {
        MonitoringSettings settings = MonitoringSettings.defaults()
                .with(Setting.SCRAPE_INTERVAL, "1s")
                .with(Setting.EVALUATION_INTERVAL, "1s")
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                .with(Setting.NODE_TARGETS, "localhost:" + Ports.free())
                .with(Setting.STORE_MODEL_PORT, String.valueOf(Ports.free()));
        try (PredictionServer service = PredictionServer.start(TestModels.model(),
                     new PrometheusServingMetrics(TestModels.model().descriptor()), "127.0.0.1",
                     settings.port(Setting.STORE_MODEL_PORT), 2);
             NativeStack stack = NativeStack.builder(settings).workDir(work).start()) {
            URI base = URI.create("http://127.0.0.1:" + service.port());
            PrometheusApi prom = stack.prometheus();
            prom.awaitQuery("up{job=\"store_model\"}", r -> r.size() == 1 && r.get(0).value() == 1, Duration.ofSeconds(30));

            // Traffic over several scrapes, so rate() sees an increase; plus requests the service must reject.
            TrafficRunner traffic = new TrafficRunner(base);
            traffic.run(TrafficRunner.Scenario.NORMAL, 50, Duration.ofSeconds(2), 7, null);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(base.resolve("/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"items_count\": -1, \"customers_count\": 10}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            // with labels sent back at once, so the accuracy panel has labelled predictions to count
            traffic.run(TrafficRunner.Scenario.NORMAL, 50, Duration.ofSeconds(3), 8, Duration.ZERO, null);
            prom.awaitQuery("sum(changes(store_model_predictions_total[1m])) >= 1", r -> !r.isEmpty(),
                    Duration.ofSeconds(30));
            prom.awaitQuery("sum(store_model_rejected_requests_total)", r -> !r.isEmpty() && r.get(0).value() >= 1,
                    Duration.ofSeconds(30));

            // the service here serves the store model alone: the dashboard of that model (the other models' rows are the
            // same panels with another name, checked by DashboardsFollowTheModelRepositoryTest)
            PanelQueries q = PanelQueries.of(DashboardJson.write(new StoreModelDashboard(settings,
                    java.util.List.of(dev.monitoringlab.rules.Models.named("store-success"))).build()));
            assertThat(q.queries()).isNotEmpty();
            new PanelQueryChecker(prom.base(), SCRAPE).assertEveryQueryHasData(q);
            // the SLO dashboard reads the recording rules, evaluated every second here
            PanelQueries slo = PanelQueries.of(DashboardJson.write(new SloDashboard(settings).build()));
            assertThat(slo.queries()).isNotEmpty();
            new PanelQueryChecker(prom.base(), SCRAPE).assertEveryQueryHasData(slo);
        }
    }
}
