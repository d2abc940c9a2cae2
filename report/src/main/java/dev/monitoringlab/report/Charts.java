package dev.monitoringlab.report;

import dev.monitoringlab.settings.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
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
 * (a gauge holds its value until the next scrape), the alert's threshold (when it has one) as a red line, phases and
 * firing windows as shaded bands, a legend naming them, and a subtitle saying when, where and over which range the
 * data was captured.
 * Load phases (amber) and quiet phases (pale blue) differ in colour; firing windows are red hatching, so they stay
 * visible on top of either. The value axis ends a little above {@code yMax}, so a series sitting at its maximum (a
 * CPU at 100 %) is drawn inside the plot instead of merging with its frame.
 */
public final class Charts {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 560;
    /** Share of the value range added above {@code yMax}: 100 % ends up at 108 on a 0..100 axis. */
    static final double HEADROOM = 0.08;
    static final Color LOAD_FILL = new Color(245, 160, 40, 70);
    static final Color QUIET_FILL = new Color(70, 140, 220, 45);
    static final Color FIRING_HATCH = new Color(210, 30, 30);
    /** Words in a phase's name that mark it as a load or fault phase (stress-ng, faulty traffic, a target stopped). */
    private static final List<String> LOAD_WORDS = List.of("load", "stress", "faulty", "stopped");

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A named line: (unix seconds, value) points. */
    public record Line(String name, List<double[]> points) {
    }

    /** What a phase band stands for, which sets its colour and legend entry. */
    public enum Kind {
        LOAD("load or fault phase", LOAD_FILL), QUIET("quiet phase (pause, normal traffic)", QUIET_FILL);

        private final String legend;
        private final Color color;

        Kind(String legend, Color color) {
            this.legend = legend;
            this.color = color;
        }

        /** A load phase when its name says so ("load 2m", "faulty", "… stopped"), otherwise quiet ("pause 3m"). */
        static Kind of(String label) {
            String l = label.toLowerCase(Locale.ROOT);
            return LOAD_WORDS.stream().anyMatch(l::contains) ? LOAD : QUIET;
        }
    }

    /** A shaded band with a label; its kind matters for phase bands only. */
    public record Band(String label, Interval interval, Kind kind) {
        public Band(String label, Interval interval) {
            this(label, interval, Kind.of(label));
        }
    }

    /** A red line across the chart at a value the alert compares with. */
    public record Threshold(double value, String label) {
    }

    /**
     * Everything a chart shows. {@code thresholds} is empty when the alert compares no value with a line (TargetDown
     * fires on {@code up == 0} held for a while: a line at some value between 0 and 1 would invent a threshold).
     */
    public record Spec(String title, List<String> subtitles, String yLabel, List<Line> lines, double yMin, double yMax,
                       List<Threshold> thresholds, List<Band> phases, List<Band> firing, Instant from, Instant to) {
        public Spec {
            subtitles = List.copyOf(subtitles);
            lines = List.copyOf(lines);
            thresholds = List.copyOf(thresholds);
            phases = List.copyOf(phases);
            firing = List.copyOf(firing);
            if (!(yMax > yMin)) {
                throw new IllegalArgumentException("the value axis must run upwards, got " + yMin + " to " + yMax);
            }
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("the time axis must run forwards, got " + from + " to " + to);
            }
        }
    }

    /**
     * The top of the data for a value axis fitted to it: the highest point of any line or threshold, at least
     * {@code floor} (so a flat or empty series still gets an axis). A share that stays under 55 % is drawn on an axis
     * that ends near 55 %, not at 100 %.
     */
    public static double dataTop(List<Line> lines, List<Threshold> thresholds, double floor) {
        double top = floor;
        for (Line l : lines) {
            for (double[] p : l.points()) {
                if (Double.isFinite(p[1])) {
                    top = Math.max(top, p[1]);
                }
            }
        }
        for (Threshold t : thresholds) {
            top = Math.max(top, t.value());
        }
        return top;
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
        value.setRange(spec.yMin(), axisTop(spec.yMin(), spec.yMax()));

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

        Paint hatch = hatch();
        for (Band b : spec.phases()) {
            plot.addDomainMarker(band(b, b.kind().color, TextAnchor.TOP_LEFT), Layer.BACKGROUND);
        }
        for (Band b : spec.firing()) {
            Interval i = b.interval().end() == null ? new Interval(b.interval().start(), spec.to()) : b.interval();
            plot.addDomainMarker(band(new Band(b.label(), i), hatch, TextAnchor.BOTTOM_LEFT), Layer.BACKGROUND);
        }
        for (Threshold t : spec.thresholds()) {
            ValueMarker line = new ValueMarker(t.value(), Color.RED, new BasicStroke(2f));
            line.setLabel(t.label());
            line.setLabelPaint(Color.RED);
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(line, Layer.FOREGROUND);
        }

        LegendItemCollection legend = legend(spec, renderer, hatch);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), plot,
                legend.getItemCount() > 1);
        for (String s : spec.subtitles()) {
            chart.addSubtitle(new TextTitle(s, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The top of the value axis: {@code yMax} plus {@link #HEADROOM} of the range. */
    static double axisTop(double yMin, double yMax) {
        return yMax + HEADROOM * (yMax - yMin);
    }

    /** One entry per line, then the kinds of band this chart really shows, then the thresholds. */
    private static LegendItemCollection legend(Spec spec, XYStepRenderer renderer, Paint hatch) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < spec.lines().size(); i++) {
            items.add(new LegendItem(spec.lines().get(i).name(), null, null, null, new Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(2f), renderer.lookupSeriesPaint(i)));
        }
        for (Kind kind : Kind.values()) {
            if (spec.phases().stream().anyMatch(b -> b.kind() == kind)) {
                items.add(new LegendItem(kind.legend, kind.color));
            }
        }
        if (!spec.firing().isEmpty()) {
            String alert = spec.firing().get(0).label();
            items.add(new LegendItem(alert.isBlank() ? "alert firing" : alert + " firing", null, null, null,
                    new Rectangle2D.Double(-6, -6, 12, 12), hatch));
        }
        for (Threshold t : spec.thresholds()) {
            items.add(new LegendItem(t.label(), null, null, null, new Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(2f), Color.RED));
        }
        return items;
    }

    /** Red diagonal hatching on a transparent ground: stays readable over a load or a quiet band. */
    static Paint hatch() {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = tile.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(FIRING_HATCH);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(0, 8, 8, 0);
        g.drawLine(-1, 1, 1, -1);
        g.drawLine(7, 9, 9, 7);
        g.dispose();
        return new TexturePaint(tile, new Rectangle(0, 0, 8, 8));
    }

    private static IntervalMarker band(Band b, Paint color, TextAnchor anchor) {
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
