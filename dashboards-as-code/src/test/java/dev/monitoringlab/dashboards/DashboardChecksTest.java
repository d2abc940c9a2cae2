package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.GridPos;
import dev.monitoringlab.dashboards.foundation.prometheus.DataqueryBuilder;
import dev.monitoringlab.dashboards.foundation.timeseries.TimeseriesPanelBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mistake the generator refuses, with a message naming dashboard and panel. */
class DashboardChecksTest {

    private static TimeseriesPanelBuilder panel(String title) {
        return Common.timeseries(title, "test panel").withTarget(Common.query("up", "{{job}}"));
    }

    private static DashboardBuilder dashboard(String uid, String title) {
        return Common.dashboard(uid, title, "test dashboard");
    }

    private static void assertRefused(List<Dashboard> dashboards, String... fragments) {
        assertThatThrownBy(() -> DashboardChecks.requireValid(dashboards, Common.prometheus()))
                .isInstanceOf(DashboardException.class)
                .hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aWellFormedDashboardPasses() {
        Dashboard d = dashboard("ok", "OK").withPanel(panel("a")).withPanel(panel("b")).withPanel(panel("c")).build();
        assertThat(DashboardChecks.problems(List.of(d), Common.prometheus())).isEmpty();
        assertThat(d.panels).extracting(PanelEntries::panel).extracting(p -> List.of(p.gridPos.h, p.gridPos.w,
                p.gridPos.x, p.gridPos.y)).containsExactly(List.of(8, 12, 0, 0), List.of(8, 12, 12, 0), List.of(8, 12, 0, 8));
        assertThat(d.panels).extracting(PanelEntries::panel).extracting(p -> p.id).containsExactly(1, 2, 3);
    }

    @Test
    void refusesTwoDashboardsWithOneUid() {
        assertRefused(List.of(dashboard("same", "First").withPanel(panel("a")).build(),
                        dashboard("same", "Second").withPanel(panel("a")).build()),
                "dashboard 'Second' (uid same)", "duplicate uid", "'First'");
    }

    @Test
    void refusesAPanelOnAnotherDatasource() {
        Dashboard d = dashboard("ds", "Datasources")
                .withPanel(panel("Elsewhere").datasource(new DataSourceRef("prometheus", "other-prometheus")))
                .build();
        assertRefused(List.of(d), "dashboard 'Datasources'", "panel 'Elsewhere'", "other-prometheus",
                "not the provisioned prometheus/prometheus");
    }

    @Test
    void refusesATargetOnAnotherDatasource() {
        Dashboard d = dashboard("ds", "Datasources")
                .withPanel(panel("Mixed").withTarget(new DataqueryBuilder().expr("up")
                        .datasource(new DataSourceRef("prometheus", "mimir"))))
                .build();
        assertRefused(List.of(d), "panel 'Mixed', target B", "prometheus/mimir");
    }

    @Test
    void refusesAThresholdAboveTheAxisMaximum() {
        Dashboard d = dashboard("th", "Thresholds")
                .withPanel(panel("Ratio").min(0.0).max(1.0).thresholds(Common.redLineAt(75)))
                .build();
        assertRefused(List.of(d), "dashboard 'Thresholds'", "panel 'Ratio'", "threshold 75.0",
                "outside the axis range [0.0, 1.0]");
    }

    @Test
    void refusesAThresholdBelowTheAxisMinimum() {
        Dashboard d = dashboard("th", "Thresholds")
                .withPanel(panel("Percent").min(10.0).thresholds(Common.redLineAt(5)))
                .build();
        assertRefused(List.of(d), "panel 'Percent'", "threshold 5.0");
    }

    @Test
    void refusesAPanelPastColumn24() {
        Dashboard d = dashboard("grid", "Grid")
                .withPanel(panel("Too wide").gridPos(new GridPos(8, 12, 16, 0, null)))
                .build();
        assertRefused(List.of(d), "dashboard 'Grid'", "panel 'Too wide'", "x=16 w=12", "x + w <= 24");
    }

    @Test
    void refusesAGridPosWiderThanTheGrid() {
        Dashboard d = dashboard("grid", "Grid")
                .withPanel(panel("Huge").gridPos(new GridPos(8, 30, 0, 0, null)))
                .build();
        assertRefused(List.of(d), "panel 'Huge'", "w=30");
    }

    @Test
    void theBuilderRefusesASpanWiderThanTheGridAsTheSdkDoes() {
        assertThatThrownBy(() -> panel("Huge").span(30))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w must be <= 24");
    }

    @Test
    void refusesPanelsWithoutIds() {
        Dashboard bare = new DashboardBuilder("Bare").uid("bare").tags(List.of(Common.GENERATED_TAG))
                .withPanel(panel("a")).build();
        assertRefused(List.of(bare), "dashboard 'Bare'", "panel 'a'", "no panel id");
    }

    @Test
    void refusesOverlappingPanels() {
        Dashboard d = dashboard("grid", "Grid")
                .withPanel(panel("Left").gridPos(new GridPos(8, 12, 0, 0, null)))
                .withPanel(panel("On top").gridPos(new GridPos(8, 12, 6, 4, null)))
                .build();
        assertRefused(List.of(d), "panel 'On top'", "overlaps panel 'Left'");
    }

    @Test
    void panelsThatOnlyTouchDoNotOverlap() {
        Dashboard d = dashboard("grid", "Grid")
                .withPanel(panel("Left").gridPos(new GridPos(8, 12, 0, 0, null)))
                .withPanel(panel("Right").gridPos(new GridPos(8, 12, 12, 0, null)))
                .withPanel(panel("Below").gridPos(new GridPos(8, 24, 0, 8, null)))
                .build();
        assertThat(DashboardChecks.problems(List.of(d), Common.prometheus())).isEmpty();
    }

    @Test
    void refusesADashboardWithoutTheGeneratedTagOrUid() {
        Dashboard untagged = new DashboardBuilder("Untagged").uid("untagged").withPanel(panel("a")).build();
        Dashboard noUid = new DashboardBuilder("No uid").tags(List.of(Common.GENERATED_TAG)).withPanel(panel("a")).build();
        assertRefused(List.of(untagged), "dashboard 'Untagged'", "missing tag 'generated'");
        assertRefused(List.of(noUid), "dashboard 'No uid'", "uid must be 1-40 characters");
        Dashboard spaces = dashboard("model mock", "Spaces").withPanel(panel("a")).build();
        assertRefused(List.of(spaces), "dashboard 'Spaces' (uid model mock)", "uid must be");
    }

    @Test
    void reportsEveryProblemOnOneLine() {
        Dashboard d = dashboard("many", "Many")
                .withPanel(panel("Wide").gridPos(new GridPos(8, 25, 0, 0, null)))
                .withPanel(panel("Off").datasource(new DataSourceRef("prometheus", "x")).min(0.0).max(1.0)
                        .thresholds(Common.redLineAt(2)))
                .build();
        assertThat(DashboardChecks.problems(List.of(d), Common.prometheus())).hasSizeGreaterThanOrEqualTo(3);
        assertRefused(List.of(d), "panel 'Wide'", "panel 'Off'", "; ");
    }
}
