package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.grafana.DashboardBuilder;
import dev.monitoringlab.dashboards.grafana.DataSourceRef;
import dev.monitoringlab.dashboards.grafana.DataqueryBuilder;
import dev.monitoringlab.dashboards.grafana.GraphThresholdsStyleConfigBuilder;
import dev.monitoringlab.dashboards.grafana.GraphThresholdsStyleMode;
import dev.monitoringlab.dashboards.grafana.Threshold;
import dev.monitoringlab.dashboards.grafana.ThresholdsConfigBuilder;
import dev.monitoringlab.dashboards.grafana.ThresholdsMode;
import dev.monitoringlab.dashboards.grafana.TimeseriesPanelBuilder;
import dev.monitoringlab.dashboards.grafana.VisibilityMode;
import dev.monitoringlab.rules.Yaml;
import dev.monitoringlab.settings.Promql;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What every dashboard shares: the provisioned datasource, panel defaults, tags and PromQL helpers. */
public final class Common {
    /** The uid the provisioning file gives the Prometheus datasource; every panel refers to it. */
    public static final String DATASOURCE_UID = "prometheus";
    public static final DataSourceRef PROMETHEUS = DataSourceRef.prometheus(DATASOURCE_UID);

    public static final String GENERATED_TAG = "generated";
    /** First line of every generated YAML file, and the start of every generated dashboard's description. */
    public static final String GENERATED_NOTE = Yaml.GENERATED_NOTE;

    /** Grafana's rate window: at least four scrapes, so rate() always has two samples even if one is missed. */
    public static final String RATE_INTERVAL = "$__rate_interval";

    private Common() {
    }

    /** A dashboard with the shared tags, timezone and generated-file note; callers set refresh and time. */
    public static DashboardBuilder dashboard(String uid, String title, String what, String... tags) {
        List<String> all = new java.util.ArrayList<>(List.of(GENERATED_TAG, "monitoring-lab"));
        all.addAll(Arrays.asList(tags));
        return new DashboardBuilder(title)
                .uid(uid)
                .description(GENERATED_NOTE + ". " + what)
                .tags(all)
                .timezone("browser");
    }

    /** A timeseries panel on the provisioned Prometheus: thin lines, no points, legend below, half width. */
    public static TimeseriesPanelBuilder timeseries(String title, String description) {
        return new TimeseriesPanelBuilder()
                .title(title)
                .description(description)
                .datasource(PROMETHEUS)
                .lineWidth(1)
                .fillOpacity(10)
                .showPoints(VisibilityMode.NEVER)
                .span(12)
                .height(8);
    }

    public static DataqueryBuilder query(String expr, String legendFormat) {
        return new DataqueryBuilder().expr(expr).legendFormat(legendFormat).range();
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
