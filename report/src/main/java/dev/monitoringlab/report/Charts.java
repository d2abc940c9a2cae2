package dev.monitoringlab.report;

import dev.monitoringlab.settings.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Headless PNG charts of Prometheus series in the style of the lab's Grafana screenshots: the series as a step line
 * (a gauge holds its value until the next scrape), the alert threshold as a red line, phases and firing windows as
 * shaded bands, and a subtitle saying when, where and over which range the data was captured.
 */
public final class Charts {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 560;
    private static final Color FIRING = new Color(220, 40, 40, 60);
    private static final Color PHASE = new Color(90, 90, 90, 35);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A named line: (unix seconds, value) points. */
    public record Line(String name, List<double[]> points) {
    }

    /** A shaded band with a label. */
    public record Band(String label, Interval interval) {
    }

    /** Everything a chart shows. */
    public record Spec(String title, List<String> subtitles, String yLabel, List<Line> lines, double yMin, double yMax,
                       double threshold, String thresholdLabel, List<Band> phases, List<Band> firing,
                       Instant from, Instant to) {
    }

    public static JFreeChart build(Spec spec) {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        for (Line line : spec.lines()) {
            TimeSeries ts = new TimeSeries(line.name());
            for (double[] p : line.points()) {
                ts.addOrUpdate(new FixedMillisecond(Math.round(p[0] * 1000)), p[1]);
            }
            data.addSeries(ts);
        }
        DateAxis time = new DateAxis("time (UTC)");
        SimpleDateFormat fmt = new SimpleDateFormat("HH:mm:ss");
        fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(fmt);
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setRange(spec.from().toEpochMilli(), spec.to().toEpochMilli());
        NumberAxis value = new NumberAxis(spec.yLabel());
        value.setRange(spec.yMin(), spec.yMax());

        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultStroke(new BasicStroke(1.6f));
        renderer.setAutoPopulateSeriesStroke(false);
        if (data.getSeriesCount() > 0) {
            renderer.setSeriesPaint(0, new Color(30, 110, 200));
        }
        XYPlot plot = new XYPlot(data, time, value, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));

        for (Band b : spec.phases()) {
            plot.addDomainMarker(band(b, PHASE, TextAnchor.TOP_LEFT), Layer.BACKGROUND);
        }
        for (Band b : spec.firing()) {
            Interval i = b.interval().end() == null ? new Interval(b.interval().start(), spec.to()) : b.interval();
            plot.addDomainMarker(band(new Band(b.label(), i), FIRING, TextAnchor.BOTTOM_LEFT), Layer.BACKGROUND);
        }
        ValueMarker line = new ValueMarker(spec.threshold(), Color.RED, new BasicStroke(2f));
        line.setLabel(spec.thresholdLabel());
        line.setLabelPaint(Color.RED);
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(line, Layer.FOREGROUND);

        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), plot,
                spec.lines().size() > 1);
        for (String s : spec.subtitles()) {
            chart.addSubtitle(new TextTitle(s, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static IntervalMarker band(Band b, Color color, TextAnchor anchor) {
        IntervalMarker m = new IntervalMarker(b.interval().start().toEpochMilli(), b.interval().end().toEpochMilli(),
                color);
        m.setLabel(b.label());
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelAnchor(anchor == TextAnchor.TOP_LEFT ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(anchor);
        return m;
    }

    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    public static Path write(Spec spec, Path file) throws IOException {
        return AtomicFiles.write(file, png(build(spec), WIDTH, HEIGHT));
    }
}
