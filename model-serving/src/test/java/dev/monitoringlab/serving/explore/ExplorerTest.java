package dev.monitoringlab.serving.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import dev.monitoringlab.serving.data.StoreRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void describeMatchesPandas() {
        // pandas: pd.Series([1, 2, 3, 4, 10]).describe()
        Describe d = Describe.of(new double[] {4, 1, 10, 3, 2});
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.mean()).isEqualTo(4.0);
        assertThat(d.std()).isCloseTo(3.535534, within(1e-6));
        assertThat(d.min()).isEqualTo(1);
        assertThat(d.q25()).isEqualTo(2);
        assertThat(d.median()).isEqualTo(3);
        assertThat(d.q75()).isEqualTo(4);
        assertThat(d.max()).isEqualTo(10);
        // interpolated quantiles: pd.Series([1, 2, 3, 4]).quantile(0.25) == 1.75
        assertThat(Describe.of(new double[] {1, 2, 3, 4}).q25()).isEqualTo(1.75);

        String table = Describe.table(Map.of("x", d));
        assertThat(table.lines()).hasSize(9);
        assertThat(table).contains("count", "mean", "std", "min", "25%", "50%", "75%", "max", "3.535534");
    }

    @Test
    void writesAHistogramPerColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("stores_dataset.csv");
        DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, 2000), csv);
        Explorer.Result r = Explorer.explore(csv, dir.resolve("charts"));
        assertThat(r.charts()).extracting(p -> p.getFileName().toString())
                .containsExactly("items_count.png", "customers_count.png", "label.png");
        assertThat(r.stats().get("items_count").min()).isGreaterThanOrEqualTo(1000);
        assertThat(r.table()).contains("items_count", "customers_count", "label");
        for (Path png : r.charts()) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img).as("%s decodes", png).isNotNull();
            assertThat(img.getWidth()).isEqualTo(HistogramChart.SIZE).isEqualTo(700);
            assertThat(img.getHeight()).isEqualTo(HistogramChart.SIZE);
        }
    }

    @Test
    void eachHistogramCountsEveryRowInGreenBarsWithTheMeanAsARedDashedLine() throws Exception {
        List<StoreRecord> records = DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, 2000);
        for (Map.Entry<String, ToIntFunction<StoreRecord>> c : Explorer.columns().entrySet()) {
            String column = c.getKey();
            double[] values = records.stream().mapToDouble(rec -> c.getValue().applyAsInt(rec)).toArray();
            JFreeChart chart = HistogramChart.chart(column, values);
            XYPlot plot = chart.getXYPlot();
            assertThat(chart.getTitle().getText()).isEqualTo(column + " Distribution");

            IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
            assertThat(data.getSeriesCount()).isEqualTo(1);
            assertThat(data.getSeriesKey(0).toString()).isEqualTo(column);
            double counted = 0;
            for (int bin = 0; bin < data.getItemCount(0); bin++) {
                counted += data.getYValue(0, bin);
            }
            assertThat(counted).as("%s: every row in a bar", column).isEqualTo(values.length);
            assertThat(data.getItemCount(0)).as("%s: bins", column)
                    .isEqualTo(column.equals("label") ? 2 : 30);
            Color bars = (Color) plot.getRenderer().getSeriesPaint(0);
            assertThat(bars.getGreen()).as("%s: green bars %s", column, bars).isGreaterThan(bars.getRed() + 40)
                    .isGreaterThan(bars.getBlue() + 40);

            double mean = Describe.of(values).mean();
            assertThat((Object) plot.getRangeMarkers(Layer.FOREGROUND)).isNull();
            Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
            assertThat(markers).as("%s: the mean's line", column).singleElement()
                    .isInstanceOfSatisfying(ValueMarker.class, m -> {
                        assertThat(m.getValue()).isEqualTo(mean);
                        assertThat(m.getPaint()).isEqualTo(Color.RED);
                        assertThat(((BasicStroke) m.getStroke()).getDashArray()).as("dashed").isNotEmpty();
                        assertThat(m.getLabel()).isEqualTo(String.format(Locale.ROOT, "Mean (μ): %.2f", mean));
                        assertThat(m.getValue()).as("within the bars").isBetween(data.getStartXValue(0, 0),
                                data.getEndXValue(0, data.getItemCount(0) - 1));
                    });
        }
    }
}
