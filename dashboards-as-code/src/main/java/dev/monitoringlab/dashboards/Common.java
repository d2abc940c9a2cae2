package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.common.BoolOrFloat64;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import dev.monitoringlab.dashboards.foundation.common.GraphDrawStyle;
import dev.monitoringlab.dashboards.foundation.common.GraphThresholdsStyleConfigBuilder;
import dev.monitoringlab.dashboards.foundation.common.GraphThresholdsStyleMode;
import dev.monitoringlab.dashboards.foundation.common.LegendDisplayMode;
import dev.monitoringlab.dashboards.foundation.common.LegendPlacement;
import dev.monitoringlab.dashboards.foundation.common.SortOrder;
import dev.monitoringlab.dashboards.foundation.common.TooltipDisplayMode;
import dev.monitoringlab.dashboards.foundation.common.VisibilityMode;
import dev.monitoringlab.dashboards.foundation.common.VizLegendOptionsBuilder;
import dev.monitoringlab.dashboards.foundation.common.VizTooltipOptionsBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardCursorSync;
import dev.monitoringlab.dashboards.foundation.dashboard.DashboardDashboardTimeBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldColorBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldColorModeId;
import dev.monitoringlab.dashboards.foundation.dashboard.Threshold;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfigBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsMode;
import dev.monitoringlab.dashboards.foundation.prometheus.DataqueryBuilder;
import dev.monitoringlab.dashboards.foundation.prometheus.QueryEditorMode;
import dev.monitoringlab.dashboards.foundation.timeseries.TimeseriesPanelBuilder;
import dev.monitoringlab.rules.Yaml;
import dev.monitoringlab.settings.Promql;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What every dashboard shares: the provisioned datasource, panel defaults, tags and PromQL helpers. */
public final class Common {
    /** The uid the provisioning file gives the Prometheus datasource; every panel refers to it. */
    public static final String DATASOURCE_UID = "prometheus";
    public static final String DATASOURCE_TYPE = "prometheus";

    /** Lab 7.3's acceptance criteria, and the same for every dashboard: refresh every 5 s, the last 15 minutes. */
    public static final String REFRESH = "5s";
    public static final String FROM = "now-15m";
    public static final String TO = "now";

    public static final String GENERATED_TAG = "generated";
    /** First line of every generated YAML file, and the start of every generated dashboard's description. */
    public static final String GENERATED_NOTE = Yaml.GENERATED_NOTE;

    /** Grafana's rate window: at least four scrapes, so rate() always has two samples even if one is missed. */
    public static final String RATE_INTERVAL = "$__rate_interval";

    private Common() {
    }

    /** The provisioned Prometheus datasource; a new object each time, as the SDK's model is mutable. */
    public static DataSourceRef prometheus() {
        return new DataSourceRef(DATASOURCE_TYPE, DATASOURCE_UID);
    }

    /**
     * A dashboard with the shared tags, timezone, shared crosshair and generated-file note, refreshing every
     * 5 s over the last 15 minutes; its {@code build()} also fills in the {@link EditorDefaults}.
     */
    public static DashboardBuilder dashboard(String uid, String title, String what, String... tags) {
        List<String> all = new ArrayList<>(List.of(GENERATED_TAG, "monitoring-lab"));
        all.addAll(Arrays.asList(tags));
        DashboardBuilder builder = new DashboardBuilder(title) {
            @Override
            public Dashboard build() {
                return EditorDefaults.apply(super.build());
            }
        };
        return builder
                .uid(uid)
                .description(GENERATED_NOTE + ". " + what)
                .tags(all)
                .timezone("browser")
                .editable()
                .tooltip(DashboardCursorSync.CROSSHAIR)
                .time(new DashboardDashboardTimeBuilder().from(FROM).to(TO))
                .refresh(REFRESH)
                .version(1);
    }

    /**
     * The shared timeseries setup (the SDK examples' {@code Common.defaultTimeSeries()}): the provisioned
     * Prometheus, thin lines, no points, one colour per series, legend below, all series in the tooltip, half width.
     */
    public static TimeseriesPanelBuilder defaultTimeSeries() {
        return new TimeseriesPanelBuilder()
                .datasource(prometheus())
                .drawStyle(GraphDrawStyle.LINE)
                .lineWidth(1.0)
                .fillOpacity(10.0)
                .showPoints(VisibilityMode.NEVER)
                .spanNulls(BoolOrFloat64.createBool(false))
                .colorScheme(new FieldColorBuilder().mode(FieldColorModeId.PALETTE_CLASSIC))
                .legend(new VizLegendOptionsBuilder()
                        .displayMode(LegendDisplayMode.LIST)
                        .placement(LegendPlacement.BOTTOM)
                        .showLegend(true)
                        .calcs(List.of()))
                .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.MULTI).sort(SortOrder.NONE))
                .span(12)
                .height(8);
    }

    /** {@link #defaultTimeSeries()} with a title and a description. */
    public static TimeseriesPanelBuilder timeseries(String title, String description) {
        return defaultTimeSeries().title(title).description(description);
    }

    /** A range query written in code mode, so Grafana's editor does not rewrite it in builder mode. */
    public static DataqueryBuilder query(String expr, String legendFormat) {
        return new DataqueryBuilder()
                .editorMode(QueryEditorMode.CODE)
                .expr(expr)
                .legendFormat(legendFormat)
                .range();
    }

    /** Base step green, one red step at {@code value}: with {@link #thresholdLine()} a red line at y = value. */
    public static ThresholdsConfigBuilder redLineAt(double value) {
        return new ThresholdsConfigBuilder()
                .mode(ThresholdsMode.ABSOLUTE)
                .steps(List.of(new Threshold(null, "green"), new Threshold(value, "red")));
    }

    public static GraphThresholdsStyleConfigBuilder thresholdLine() {
        return new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.LINE);
    }

    public static String matcher(String label, String op, String value) {
        return label + op + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code metric{m1, m2}}, or just {@code metric} when every matcher list is empty. */
    public static String series(String metric, String... matcherLists) {
        return Promql.series(metric, matcherLists);
    }

    /** {@code rate(metric{...}[$__rate_interval])}. */
    public static String rate(String counter, String... matcherLists) {
        return "rate(" + series(counter, matcherLists) + "[" + RATE_INTERVAL + "])";
    }

    /** {@code histogram_quantile(q, sum by (le) (rate(<histogram>_bucket{...}[$__rate_interval])))}. */
    public static String quantile(double q, String histogram, String... matcherLists) {
        return "histogram_quantile(" + number(q) + ", sum by (le) (" + rate(histogram + "_bucket", matcherLists) + "))";
    }

    /** A number as PromQL and people write it: 0.75, 90, 0.2 (not 90.0 or 1.0E-4). */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }

    /** A ratio as a percentage for people: 0.2 is "20", 0.075 is "7.5" (no 7.000000000000001). */
    public static String percent(double ratio) {
        return number(Math.round(ratio * 10_000) / 100.0);
    }

    /** "p99" for 0.99: legend names of quantile series. */
    public static String percentile(double q) {
        return "p" + percent(q).toLowerCase(Locale.ROOT);
    }
}
