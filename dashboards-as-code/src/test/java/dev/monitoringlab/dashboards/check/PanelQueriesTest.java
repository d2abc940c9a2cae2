package dev.monitoringlab.dashboards.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.dashboards.DashboardJson;
import dev.monitoringlab.dashboards.HostDashboard;
import dev.monitoringlab.dashboards.ModelMockDashboard;
import dev.monitoringlab.settings.MonitoringSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelQueriesTest {
    private final MonitoringSettings defaults = MonitoringSettings.defaults();

    @Test
    void readsEveryTargetWithItsPanelAndTheTimeRange() {
        PanelQueries q = PanelQueries.of(DashboardJson.write(new ModelMockDashboard(defaults).build()));
        assertThat(q.dashboardUid()).isEqualTo("model-mock");
        assertThat(q.timeRange()).isEqualTo(Duration.ofMinutes(15));
        assertThat(q.queries()).extracting(PanelQueries.PanelQuery::panel).containsExactly("Model result",
                "Result updates per second", "Result distribution (histogram quantiles)",
                "Result distribution (histogram quantiles)");
        assertThat(q.queries().get(0).describe())
                .isEqualTo("dashboard 'Model mock', panel 'Model result', target A, expr model_result");
    }

    @Test
    void turnsTheInstanceVariableIntoAQueryAndDefaultsItToAll() {
        PanelQueries q = PanelQueries.of(DashboardJson.write(new HostDashboard(defaults).build()));
        assertThat(q.variableDefaults()).isEqualTo(Map.of("instance", ".*"));
        assertThat(q.queries().get(0).panel()).isEqualTo("variable $instance");
        assertThat(q.queries().get(0).expr()).isEqualTo("count by (instance) (up{job=\"node\"})");
        assertThat(q.queries()).hasSize(1 + 1 + 4 + 1 + 1 + 2 + 2);
    }

    @Test
    void refusesAbsoluteTimeRanges() {
        assertThatThrownBy(() -> PanelQueries.of(
                "{\"title\": \"x\", \"time\": {\"from\": \"2024-01-01T00:00:00Z\", \"to\": \"now\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not now-<duration>");
    }

    @Test
    void interpolatesGrafanasIntervalsLikeGrafana() {
        Interpolation i = new Interpolation(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(15),
                Map.of("instance", ".*"));
        assertThat(i.apply("rate(x{instance=~\"$instance\"}[$__rate_interval])"))
                .isEqualTo("rate(x{instance=~\".*\"}[20s])");
        assertThat(i.apply("avg_over_time(x[${__interval}]) + y[$__range]")).isEqualTo("avg_over_time(x[5s]) + y[15m]");
        Interpolation wideStep = new Interpolation(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofHours(6),
                Map.of());
        assertThat(wideStep.rateInterval()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void anUnknownVariableIsAnError() {
        Interpolation i = new Interpolation(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), Map.of());
        assertThatThrownBy(() -> i.apply("up{instance=~\"$host\"}")).hasMessage("unknown variable $host");
    }
}
