package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TerminalShotTest {
    @Test
    void drawsTheScreenDarkWithTheMeterBarsInGreen() throws Exception {
        List<String> screen = List.of(
                "    0[|||||||||||||||||||||||||||||||||||||||||||100.0%] Tasks: 26, 148 thr; 2 running",
                "    1[|||||||||||||||||||||||||||||||||||||||||||100.0%] Load average: 1.52 1.28 1.14",
                "  PID USER       PRI  NI  VIRT   RES   SHR S  CPU%  Command",
                "19020 lab         20   0 93696  6596  3700 R  98.0  stress-ng-cpu [run]");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(TerminalShot.png(screen, "htop in the VM")));

        assertThat(image.getWidth()).isGreaterThan(80 * 6);
        assertThat(image.getHeight()).isGreaterThan(6 * 12);
        int corner = image.getRGB(1, 1) & 0xFFFFFF;
        assertThat(brightness(corner)).isLessThan(60); // a dark terminal
        long green = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 8) & 0xFF) > 150 && ((rgb >> 16) & 0xFF) < 120) {
                    green++;
                }
            }
        }
        assertThat(green).as("green pixels of the two CPU bars").isGreaterThan(200);
    }

    @Test
    void anEmptyCaptureIsAnError() {
        assertThatThrownBy(() -> TerminalShot.png(List.of("", "  "), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
