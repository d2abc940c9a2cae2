package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    private static final Instant FROM = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    private static Charts.Spec spec() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 180; i++) {
            points.add(new double[] {FROM.getEpochSecond() + i * 5.0, (i * 37 % 100) / 100.0});
        }
        return new Charts.Spec("model_result", List.of("range ...", "captured on test"), "model_result",
                List.of(new Charts.Line("model_result", points)), 0, 1, 0.75, "threshold 0.75",
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
    void theThresholdIsDrawnAsARedLine() throws IOException {
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(
                Charts.png(Charts.build(spec()), Charts.WIDTH, Charts.HEIGHT)));
        int redPixels = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int inRow = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60) {
                    inRow++;
                }
            }
            redPixels = Math.max(redPixels, inRow);
        }
        assertThat(redPixels).as("longest run of pure red in one row: the horizontal threshold line")
                .isGreaterThan(Charts.WIDTH / 2);
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
                List.of(new Charts.Line("CPU busy % localhost:9100", points)), 0, 100, 90, "threshold 90 %",
                List.of(new Charts.Band("load 2m", new Interval(FROM.plusSeconds(60), FROM.plusSeconds(180))),
                        new Charts.Band("pause 3m", new Interval(FROM.plusSeconds(180), FROM.plusSeconds(360))),
                        new Charts.Band("load 5m", new Interval(FROM.plusSeconds(360), FROM.plusSeconds(660)))),
                List.of(new Charts.Band("HostHighCpuLoad", new Interval(FROM.plusSeconds(560), FROM.plusSeconds(665)))),
                FROM, FROM.plusSeconds(900));
    }

    @Test
    void theValueAxisEndsAboveTheMaximumSoAPlateauAtTheTopStaysInsideThePlot() throws IOException {
        JFreeChart chart = Charts.build(cpuSpec());
        XYPlot plot = (XYPlot) chart.getPlot();
        assertThat(plot.getRangeAxis().getUpperBound()).isEqualTo(108.0);
        assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);

        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(Charts.WIDTH, Charts.HEIGHT, info);
        var area = info.getPlotInfo().getDataArea();
        int y100 = (int) Math.round(plot.getRangeAxis().valueToJava2D(100, area, RectangleEdge.LEFT));
        assertThat(area.getMinY()).as("the 100 %% line lies below the top of the plot").isLessThan(y100 - 10);
        int x = x(plot, area, FROM.plusSeconds(120));
        int blueRows = 0;
        for (int y = y100 - 2; y <= y100 + 2; y++) {
            Color c = new Color(img.getRGB(x, y));
            if (c.getBlue() > 150 && c.getRed() < 100) {
                blueRows++;
            }
        }
        assertThat(blueRows).as("the series' line is drawn at 100 %% in the first load").isPositive();
    }

    @Test
    void loadAndQuietPhasesHaveDifferentColoursAndTheFiringWindowIsHatched() {
        JFreeChart chart = Charts.build(cpuSpec());
        XYPlot plot = (XYPlot) chart.getPlot();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(Charts.WIDTH, Charts.HEIGHT, info);
        var area = info.getPlotInfo().getDataArea();
        // between 2 % and the threshold, off the gridlines (every 10 %): no line, no label, only the band's fill
        int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(45, area, RectangleEdge.LEFT));
        Color load = new Color(img.getRGB(x(plot, area, FROM.plusSeconds(120)), y));
        Color pause = new Color(img.getRGB(x(plot, area, FROM.plusSeconds(270)), y));
        Color outside = new Color(img.getRGB(x(plot, area, FROM.plusSeconds(30)), y));
        assertThat(load.getRed()).as("load is amber: " + load).isGreaterThan(load.getBlue() + 40);
        assertThat(pause.getBlue()).as("pause is blue: " + pause).isGreaterThan(pause.getRed() + 20);
        assertThat(Math.abs(outside.getRed() - outside.getBlue())).as("no phase: no tint " + outside).isLessThan(12);

        int x0 = x(plot, area, FROM.plusSeconds(590));
        long distinct = java.util.stream.IntStream.range(0, 16).map(dx -> img.getRGB(x0 + dx, y)).distinct().count();
        assertThat(distinct).as("hatching alternates red strokes and the band below").isGreaterThan(1);
        boolean red = java.util.stream.IntStream.range(0, 16).mapToObj(dx -> new Color(img.getRGB(x0 + dx, y)))
                .anyMatch(c -> c.getRed() > 180 && c.getGreen() < 120 && c.getBlue() < 120);
        assertThat(red).as("a red stroke of the hatching within 16 px").isTrue();
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
    void aPhaseIsALoadWhenItsNameSaysSo() {
        assertThat(List.of("load 2m", "load 20s", "faulty", "stress").stream().map(Charts.Kind::of))
                .containsOnly(Charts.Kind.LOAD);
        assertThat(List.of("pause 3m", "after", "normal", "normal again").stream().map(Charts.Kind::of))
                .containsOnly(Charts.Kind.QUIET);
        assertThat(new Charts.Band("pause 3m", new Interval(FROM, FROM.plusSeconds(1)), Charts.Kind.LOAD).kind())
                .as("an explicit kind wins over the name").isEqualTo(Charts.Kind.LOAD);
    }

    private static int x(XYPlot plot, java.awt.geom.Rectangle2D area, Instant t) {
        return (int) Math.round(plot.getDomainAxis().valueToJava2D(t.toEpochMilli(), area, RectangleEdge.BOTTOM));
    }
}
