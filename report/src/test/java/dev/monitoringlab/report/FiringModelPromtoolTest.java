package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.ConfigChecks;
import dev.monitoringlab.settings.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's state machine against Prometheus's own: for each rule variant, a seeded sequence of mock values
 * goes through {@link FiringModel#firingStates} and, as a promtool unit test, through the installed Prometheus's
 * rule engine; promtool fails if the two disagree at any evaluation. Also proves keep_firing_for works in the
 * Prometheus we run natively (2.42).
 */
class FiringModelPromtoolTest {
    private static final int EVAL = 5;
    private static final int N = 120;

    @TempDir
    Path dir;

    @Test
    void simulatorAndPrometheusAgreeAtEveryEvaluation() throws IOException {
        double[] values = FiringModel.uniformValues(N, 2026);
        StringBuilder rules = new StringBuilder("groups:\n");
        StringBuilder tests = new StringBuilder("rule_files: [variants.rules.yml]\nevaluation_interval: " + EVAL
                + "s\ntests:\n");
        int variant = 0;
        int firingEvals = 0;
        for (FiringModel.Variant v : FiringModel.labVariants(0.75)) {
            String name = "Variant" + variant++;
            rules.append("  - name: ").append(name).append("\n    rules:\n      - alert: ").append(name)
                    .append("\n        expr: model_result > ").append(v.threshold()).append('\n');
            if (v.forSec() > 0) {
                rules.append("        for: ").append(v.forSec()).append("s\n");
            }
            if (v.keepFiringSec() > 0) {
                rules.append("        keep_firing_for: ").append(v.keepFiringSec()).append("s\n");
            }
            boolean[] firing = FiringModel.firingStates(v, EVAL, values);
            tests.append("  - name: '").append(v.name()).append("'\n    interval: ").append(EVAL)
                    .append("s\n    input_series:\n      - series: model_result\n        values: '")
                    .append(DoubleStream.of(values).mapToObj(d -> String.format(Locale.ROOT, "%.6f", d))
                            .collect(Collectors.joining(" "))).append("'\n    alert_rule_test:\n");
            for (int i = 0; i < N; i++) {
                tests.append("      - eval_time: ").append(i * EVAL).append("s\n        alertname: ").append(name)
                        .append("\n        exp_alerts: ").append(firing[i] ? "[{exp_labels: {}}]" : "[]").append('\n');
                firingEvals += firing[i] ? 1 : 0;
            }
        }
        Files.writeString(dir.resolve("variants.rules.yml"), rules);
        Path test = Files.writeString(dir.resolve("variants-test.yml"), tests);

        String out = ConfigChecks.run(ExternalTool.PROMTOOL, "test", "rules", test.toString());

        assertThat(out).contains("SUCCESS");
        assertThat(firingEvals).as("the sequence makes the variants fire at all").isGreaterThan(N / 4);
    }
}
