package dev.monitoringlab.serving.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.DatasetGenerator;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
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
    void writesAHistogramPerColumnWithTheMeanMarkedInRed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("stores_dataset.csv");
        DatasetCsv.write(DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, 2000), csv);
        Explorer.Result r = Explorer.explore(csv, dir.resolve("charts"));
        assertThat(r.charts()).extracting(p -> p.getFileName().toString())
                .containsExactly("items_count.png", "customers_count.png", "label.png");
        assertThat(r.stats().get("items_count").min()).isGreaterThanOrEqualTo(1000);
        assertThat(r.table()).contains("items_count", "customers_count", "label");
        for (Path png : r.charts()) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(700);
            assertThat(img.getHeight()).isEqualTo(700);
            assertThat(countReddish(img)).as("red mean line in %s", png).isGreaterThan(100);
            assertThat(countGreenish(img)).as("green bars in %s", png).isGreaterThan(10_000);
        }
    }

    private static int countReddish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (((c >> 16) & 0xFF) > 180 && ((c >> 8) & 0xFF) < 90 && (c & 0xFF) < 90) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int countGreenish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int red = (c >> 16) & 0xFF;
                int green = (c >> 8) & 0xFF;
                int blue = c & 0xFF;
                if (green > red + 40 && green > blue + 40) {
                    n++;
                }
            }
        }
        return n;
    }
}
