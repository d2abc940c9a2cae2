package dev.monitoringlab.serving.explore;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The workshop's per-column histogram: counts in green, the mean as a red dashed line labelled
 * "Mean (μ): ...", 700 x 700 pixels. Rendered headless, so it runs on a server without a display.
 */
public final class HistogramChart {
    static final int SIZE = 700;

    private HistogramChart() {
    }

    public static void writePng(String column, double[] values, Path png) throws IOException {
        JFreeChart chart = chart(column, values);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), png.getFileName().toString(), ".tmp");
        try {
            ChartUtils.saveChartAsPNG(tmp.toFile(), chart, SIZE, SIZE);
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The chart {@link #writePng} draws: the column's histogram and its mean as a marker. */
    static JFreeChart chart(String column, double[] values) {
        long distinct = Arrays.stream(values).distinct().count();
        // a bin per value for few distinct values (the 0/1 label), else the square-root rule capped at 30
        int bins = (int) Math.max(1, Math.min(distinct, Math.min(30, Math.ceil(Math.sqrt(values.length)))));
        HistogramDataset data = new HistogramDataset();
        data.addSeries(column, values, bins);
        JFreeChart chart = org.jfree.chart.ChartFactory.createHistogram(column + " Distribution", "Value", "Count",
                data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setSeriesPaint(0, new Color(0, 128, 0, 160));
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, new Color(0, 90, 0));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        double mean = Describe.of(values).mean();
        ValueMarker marker = new ValueMarker(mean, Color.RED, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setAlpha(1f);
        marker.setLabel(String.format(Locale.ROOT, "Mean (μ): %.2f", mean));
        marker.setLabelPaint(Color.BLACK);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker);
        return chart;
    }
}
