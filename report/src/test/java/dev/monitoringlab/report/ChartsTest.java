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
import javax.imageio.ImageIO;
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
}
