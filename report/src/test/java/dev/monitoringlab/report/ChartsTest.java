package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    private static final Instant FROM = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    private static Charts.Spec spec() {
        return spec(0.75);
    }

    private static Charts.Spec spec(double threshold) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 180; i++) {
            points.add(new double[] {FROM.getEpochSecond() + i * 5.0, (i * 37 % 100) / 100.0});
        }
        return new Charts.Spec("model_result", List.of("range ...", "captured on test"), "model_result",
                List.of(new Charts.Line("model_result", points)), 0, 1,
                List.of(new Charts.Threshold(threshold, "threshold " + threshold)),
                List.of(new Charts.Band("load", new Interval(FROM.plusSeconds(60), FROM.plusSeconds(120)))),
                List.of(new Charts.Band("firing", new Interval(FROM.plusSeconds(300), null))),
                FROM, FROM.plusSeconds(900));
    }

    @Test
    void writesAValidPngOfTheRightSize() throws IOException {
        Path png = Charts.write(spec(), dir.resolve("chart.png"));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(Files.list(dir)).as("no temp file left behind").containsExactly(png);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(png)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void theThresholdIsARedLineAtTheSettingsValueInFrontOfTheData() {
        double threshold = MonitoringSettings.defaults().modelMockThreshold();
        XYPlot plot = Charts.build(spec(threshold)).getXYPlot();
        assertThat((Object) plot.getRangeMarkers(Layer.BACKGROUND)).as("nothing behind the series on the value axis").isNull();
        Collection<?> markers = plot.getRangeMarkers(Layer.FOREGROUND);
        assertThat(markers).singleElement().isInstanceOfSatisfying(ValueMarker.class, m -> {
            assertThat(m.getValue()).isEqualTo(threshold);
            assertThat(m.getPaint()).isEqualTo(Color.RED);
            assertThat(((BasicStroke) m.getStroke()).getLineWidth()).isEqualTo(2f);
            assertThat(m.getLabel()).isEqualTo("threshold " + threshold);
            assertThat(m.getLabelPaint()).isEqualTo(Color.RED);
        });
    }

    /** The lab's CPU sequence: a 100 % plateau in the loads, idle in the pause, a firing window in the second load. */
    private static Charts.Spec cpuSpec() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 180; i++) {
            long t = i * 5L;
            boolean loaded = t >= 60 && t < 180 || t >= 360 && t < 660;
            points.add(new double[] {FROM.getEpochSecond() + t, loaded ? 100.0 : 2.0});
        }
        return new Charts.Spec("CPU", List.of("captured on test"), "CPU busy %",
                List.of(new Charts.Line("CPU busy % localhost:9100", points)), 0, 100,
                List.of(new Charts.Threshold(90, "threshold 90 %")),
                List.of(new Charts.Band("load 2m", new Interval(FROM.plusSeconds(60), FROM.plusSeconds(180))),
                        new Charts.Band("pause 3m", new Interval(FROM.plusSeconds(180), FROM.plusSeconds(360))),
                        new Charts.Band("load 5m", new Interval(FROM.plusSeconds(360), FROM.plusSeconds(660)))),
                List.of(new Charts.Band("HostHighCpuLoad", new Interval(FROM.plusSeconds(560), FROM.plusSeconds(665)))),
                FROM, FROM.plusSeconds(900));
    }

    @Test
    void theAxesSpanTheCaptureAndEndJustAboveTheMaximumSoAPlateauAtTheTopStaysInsideThePlot() {
        XYPlot plot = Charts.build(cpuSpec()).getXYPlot();
        assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);
        assertThat(plot.getRangeAxis().getUpperBound()).as("100 % plus 8 % headroom, not far past the data")
                .isEqualTo(108.0);
        assertThat(plot.getDomainAxis().getLowerBound()).isEqualTo(FROM.toEpochMilli());
        assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(FROM.plusSeconds(900).toEpochMilli());

        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(1);
        assertThat(data.getSeriesKey(0).toString()).isEqualTo("CPU busy % localhost:9100");
        assertThat(data.getItemCount(0)).isEqualTo(181);
        assertThat(valueAt(data, FROM.plusSeconds(120))).as("the first load's plateau").isEqualTo(100.0);
        assertThat(valueAt(data, FROM.plusSeconds(270))).as("the pause").isEqualTo(2.0);
        assertThat(DatasetUtils.findMaximumRangeValue(data).doubleValue())
                .as("the highest point lies inside the value axis, below its top")
                .isEqualTo(100.0).isLessThan(plot.getRangeAxis().getUpperBound());
        assertThat(plot.getRenderer()).isInstanceOf(XYStepRenderer.class);
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(new Color(30, 110, 200));
    }

    @Test
    void loadAndQuietPhasesAreShadedInTheirColoursAndTheFiringWindowIsHatchedBehindTheData() {
        XYPlot plot = Charts.build(cpuSpec()).getXYPlot();
        assertThat((Object) plot.getDomainMarkers(Layer.FOREGROUND)).as("no band over the series").isNull();
        List<IntervalMarker> bands = bands(plot);
        assertThat(bands).extracting(IntervalMarker::getLabel)
                .containsExactly("load 2m", "pause 3m", "load 5m", "HostHighCpuLoad");
        assertThat(bands).extracting(m -> List.of(m.getStartValue(), m.getEndValue())).containsExactly(
                span(60, 180), span(180, 360), span(360, 660), span(560, 665));
        assertThat(bands).extracting(IntervalMarker::getPaint).startsWith(
                Charts.LOAD_FILL, Charts.QUIET_FILL, Charts.LOAD_FILL);

        Color load = Charts.LOAD_FILL;
        Color quiet = Charts.QUIET_FILL;
        assertThat(load.getRed()).as("load is amber: " + load).isGreaterThan(load.getBlue() + 40);
        assertThat(quiet.getBlue()).as("quiet is blue: " + quiet).isGreaterThan(quiet.getRed() + 20);
        assertThat(load.getAlpha()).as("translucent: the gridlines show through").isLessThan(128);
        assertThat(quiet.getAlpha()).isLessThan(128);

        assertThat(bands.get(3).getPaint()).isInstanceOfSatisfying(TexturePaint.class, hatch -> {
            BufferedImage tile = hatch.getImage();
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < tile.getHeight(); y++) {
                for (int x = 0; x < tile.getWidth(); x++) {
                    colours.add(tile.getRGB(x, y));
                }
            }
            assertThat(colours).as("red strokes on a transparent ground, so the band below shows")
                    .containsExactlyInAnyOrder(Charts.FIRING_HATCH.getRGB(), 0);
        });
    }

    @Test
    void aFiringWindowStillOpenRunsToTheEndOfTheChart() {
        XYPlot plot = Charts.build(spec(0.75)).getXYPlot();
        List<IntervalMarker> bands = bands(plot);
        assertThat(bands).extracting(m -> List.of(m.getStartValue(), m.getEndValue()))
                .containsExactly(span(60, 120), span(300, 900));
        assertThat(bands.get(1).getPaint()).isInstanceOf(TexturePaint.class);
    }

    @Test
    void theLegendNamesTheLineThePhaseKindsTheAlertAndTheThreshold() {
        JFreeChart chart = Charts.build(cpuSpec());
        List<String> labels = StreamSupport.stream(
                ((Iterable<?>) () -> chart.getPlot().getLegendItems().iterator()).spliterator(), false)
                .map(o -> ((LegendItem) o).getLabel()).toList();
        assertThat(labels).containsExactly("CPU busy % localhost:9100", "load or fault phase",
                "quiet phase (pause, normal traffic)", "HostHighCpuLoad firing", "threshold 90 %");
        assertThat(chart.getLegend()).as("the legend is shown").isNotNull();
    }

    @Test
    void aChartWithoutThresholdDrawsNoRedLineAndListsNoneInItsLegend() {
        Charts.Spec up = upSpec();
        JFreeChart chart = Charts.build(up);
        assertThat((Object) chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND)).as("no value line").isNull();
        assertThat((Object) chart.getXYPlot().getRangeMarkers(Layer.BACKGROUND)).isNull();
        List<String> labels = StreamSupport.stream(
                ((Iterable<?>) () -> chart.getPlot().getLegendItems().iterator()).spliterator(), false)
                .map(o -> ((LegendItem) o).getLabel()).toList();
        assertThat(labels).containsExactly("up localhost:8000", "load or fault phase", "TargetDown firing");
        assertThat(chart.getXYPlot().getRangeAxis().getUpperBound()).as("0 and 1, with the headroom").isEqualTo(1.08);
    }

    @Test
    void anAxisFittedToTheDataEndsJustAboveItsHighestPointOrThreshold() {
        List<double[]> share = List.of(new double[] {0, 41.5}, new double[] {5, 52.9}, new double[] {10, Double.NaN},
                new double[] {15, 0});
        List<Charts.Line> lines = List.of(new Charts.Line("share", share));
        List<Charts.Threshold> line20 = List.of(new Charts.Threshold(20, "threshold 20 %"));
        assertThat(Charts.dataTop(lines, line20, 1)).as("the data's top, not 100 %").isEqualTo(52.9);
        assertThat(Charts.dataTop(lines, List.of(new Charts.Threshold(75, "75")), 1)).as("a threshold above the data")
                .isEqualTo(75);
        assertThat(Charts.dataTop(List.of(new Charts.Line("flat", List.of(new double[] {0, 0}))), List.of(), 1))
                .as("a flat zero series still gets an axis").isEqualTo(1);
        assertThat(Charts.axisTop(0, 52.9)).isCloseTo(57.132, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSpecWhoseAxesRunBackwardsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Charts.Spec("t", List.of(), "y", List.of(), 1, 1,
                List.of(), List.of(), List.of(), FROM, FROM.plusSeconds(1))).hasMessageContaining("value axis");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Charts.Spec("t", List.of(), "y", List.of(), 0, 1,
                List.of(), List.of(), List.of(), FROM, FROM)).hasMessageContaining("time axis");
    }

    /** The self-monitoring chart: up of the store model, 1 then 0 while it is stopped, TargetDown firing. */
    static Charts.Spec upSpec() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            points.add(new double[] {FROM.getEpochSecond() + i * 5.0, i >= 12 && i < 40 ? 0 : 1});
        }
        return new Charts.Spec("Self-monitoring", List.of("captured on test"), "up (1 = scraped, 0 = down)",
                List.of(new Charts.Line("up localhost:8000", points)), 0, 1, List.of(),
                List.of(new Charts.Band("store model stopped", new Interval(FROM.plusSeconds(60), FROM.plusSeconds(200)))),
                List.of(new Charts.Band("TargetDown", new Interval(FROM.plusSeconds(130), null))),
                FROM, FROM.plusSeconds(300));
    }

    @Test
    void aPhaseIsALoadWhenItsNameSaysSo() {
        assertThat(List.of("load 2m", "load 20s", "faulty", "stress").stream().map(Charts.Kind::of))
                .containsOnly(Charts.Kind.LOAD);
        assertThat(List.of("pause 3m", "after", "normal", "normal again").stream().map(Charts.Kind::of))
                .containsOnly(Charts.Kind.QUIET);
        assertThat(new Charts.Band("pause 3m", new Interval(FROM, FROM.plusSeconds(1)), Charts.Kind.LOAD).kind())
                .as("an explicit kind wins over the name").isEqualTo(Charts.Kind.LOAD);
    }

    /** The shaded bands behind the series, in the order they were added. */
    private static List<IntervalMarker> bands(XYPlot plot) {
        List<IntervalMarker> bands = new ArrayList<>();
        for (Object marker : plot.getDomainMarkers(Layer.BACKGROUND)) {
            bands.add((IntervalMarker) marker);
        }
        return bands;
    }

    private static List<Double> span(long fromSecond, long toSecond) {
        return List.of((double) FROM.plusSeconds(fromSecond).toEpochMilli(),
                (double) FROM.plusSeconds(toSecond).toEpochMilli());
    }

    private static double valueAt(XYDataset data, Instant t) {
        for (int i = 0; i < data.getItemCount(0); i++) {
            if (data.getXValue(0, i) == t.toEpochMilli()) {
                return data.getYValue(0, i);
            }
        }
        throw new AssertionError("no point at " + t);
    }
}
