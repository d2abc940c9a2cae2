package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's data kept beside its PNG draws the same chart again: `report redraw`. */
class ChartDataTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(new ReportMain(), args);
    }

    @Test
    void theDataReadBackIsTheSpecThatWasWrittenAndDrawsTheSamePng() throws Exception {
        Charts.Spec spec = ChartsTest.upSpec();
        Path json = ChartData.write(spec, ChartData.fileFor(dir, EvidenceCommand.SELF_CHART));
        assertThat(json).isEqualTo(dir.resolve("raw/charts/self-monitoring.json"));

        Charts.Spec back = ChartData.read(json);
        assertThat(back).usingRecursiveComparison().ignoringFields("lines").isEqualTo(spec);
        assertThat(back.lines()).hasSize(1);
        assertThat(back.lines().get(0).name()).isEqualTo("up localhost:8000");
        assertThat(back.lines().get(0).points()).usingElementComparator((a, b) -> java.util.Arrays.equals(a, b) ? 0 : 1)
                .containsExactlyElementsOf(spec.lines().get(0).points());
        assertThat(back.thresholds()).isEmpty();
        assertThat(back.firing().get(0).interval().end()).as("a window still open stays open").isNull();
        assertThat(Charts.png(Charts.build(back), Charts.WIDTH, Charts.HEIGHT))
                .isEqualTo(Charts.png(Charts.build(spec), Charts.WIDTH, Charts.HEIGHT));
    }

    @Test
    void aNaNOrInfinitePointAsPrometheusAnswersForZeroOverZeroSurvivesTheRoundTrip() throws Exception {
        Charts.Spec up = ChartsTest.upSpec();
        Charts.Spec spec = new Charts.Spec(up.title(), up.subtitles(), up.yLabel(), List.of(new Charts.Line("share",
                List.of(new double[] {1, Double.NaN}, new double[] {2, Double.POSITIVE_INFINITY},
                        new double[] {3, Double.NEGATIVE_INFINITY}, new double[] {4, 0.5}))), up.yMin(), up.yMax(),
                up.thresholds(), up.phases(), up.firing(), up.from(), up.to());
        Charts.Spec back = ChartData.read(ChartData.write(spec, dir.resolve("nan.json")));
        assertThat(back.lines().get(0).points()).extracting(p -> p[1])
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5);
    }

    @Test
    void redrawWritesEveryChartOfTheFolderFromItsData() throws Exception {
        ChartData.write(ChartsTest.upSpec(), ChartData.fileFor(dir, "self-monitoring.png"));
        CliRun r = run("redraw", "--evidence", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("report: wrote " + dir.resolve("self-monitoring.png") + "\n");
        assertThat(Files.readAllBytes(dir.resolve("self-monitoring.png")))
                .isEqualTo(Charts.png(Charts.build(ChartsTest.upSpec()), Charts.WIDTH, Charts.HEIGHT));
    }

    @Test
    void oneBadDataFileIsOneLineExitCode1AndNoChartIsWritten() throws Exception {
        ChartData.write(ChartsTest.upSpec(), ChartData.fileFor(dir, "a.png"));
        Path bad = ChartData.fileFor(dir, "b.png");
        Files.writeString(bad, Files.readString(ChartData.fileFor(dir, "a.png")).replace("\"yMax\" : 1.0", "\"yMax\" : \"one\""));
        CliRun r = run("redraw", "--evidence", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("report: " + bad + ": 'yMax' must be a number\n");
        assertThat(dir.resolve("a.png")).as("read all before writing any").doesNotExist();
    }

    @Test
    void badDataNamesTheFileAndTheProblem() throws Exception {
        Path f = dir.resolve("x.json");
        List<String[]> cases = List.of(
                new String[] {"{", "not JSON"},
                new String[] {"[]", "not a chart's data"},
                new String[] {"{\"title\": 1}", "'title' must be a string"},
                new String[] {json("\"lines\": [{\"name\": \"l\", \"points\": [[1]]}]"), "a point must be [unix seconds, value]"},
                new String[] {json("\"lines\": []").replace("\"2026-11-21T06:05:00Z\"", "\"later\""), "'to' must be an ISO-8601 instant"},
                new String[] {json("\"lines\": []").replace("\"yMax\": 1", "\"yMax\": 0"), "the value axis must run upwards"});
        for (String[] c : cases) {
            Files.writeString(f, c[0]);
            assertThatThrownBy(() -> ChartData.read(f)).as(c[0]).isInstanceOf(ChartData.BadChartData.class)
                    .hasMessageStartingWith(f + ": ").hasMessageContaining(c[1]);
        }
    }

    @Test
    void aFolderWithoutChartDataIsAUsageError() {
        run("redraw", "--evidence", dir.toString()).failsWithOneLine(2, "report: --evidence " + dir
                + ": no raw/charts/ folder");
    }

    private static String json(String lines) {
        return "{\"title\": \"t\", \"subtitles\": [], \"yLabel\": \"y\", \"yMin\": 0, \"yMax\": 1, \"thresholds\": [],"
                + lines + ", \"phases\": [], \"firing\": [], \"from\": \"2026-11-21T06:00:00Z\","
                + " \"to\": \"2026-11-21T06:05:00Z\"}";
    }
}
