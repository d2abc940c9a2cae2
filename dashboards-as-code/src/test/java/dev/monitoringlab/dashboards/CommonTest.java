package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonTest {
    @Test
    void numbersAreWrittenAsPeopleAndPromqlWriteThem() {
        assertThat(Common.number(0.75)).isEqualTo("0.75");
        assertThat(Common.number(90.0)).isEqualTo("90");
        assertThat(Common.number(1e-4)).isEqualTo("0.0001");
        assertThat(Common.percent(0.07)).isEqualTo("7");
        assertThat(Common.percent(0.075)).isEqualTo("7.5");
        assertThat(Common.percentile(0.99)).isEqualTo("p99");
        assertThat(Common.percentile(0.999)).isEqualTo("p99.9");
    }

    @Test
    void seriesLeavesOutEmptyMatcherListsAndQuotesValues() {
        assertThat(Common.series("up", "", "job=\"node\"")).isEqualTo("up{job=\"node\"}");
        assertThat(Common.series("model_result", "")).isEqualTo("model_result");
        assertThat(Common.matcher("path", "=", "C:\\ \"x\"")).isEqualTo("path=\"C:\\\\ \\\"x\\\"\"");
        assertThat(Common.quantile(0.9, "h", "job=\"j\""))
                .isEqualTo("histogram_quantile(0.9, sum by (le) (rate(h_bucket{job=\"j\"}[$__rate_interval])))");
    }
}
