package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.report.TerminalShot.Span;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TerminalShotTest {
    private static final String CPU0 =
            "    0[|||||||||||||||||||||||||||||||||||||||||||100.0%] Tasks: 26, 148 thr; 2 running";
    private static final List<String> SCREEN = List.of(
            CPU0,
            "    1[||||||||||||||||||||                        42.0%] Load average: 1.52 1.28 1.14",
            "  Mem[|||||||                             83.4M/973M] Uptime: 00:27:15",
            "  PID USER       PRI  NI  VIRT   RES   SHR S  CPU%  Command",
            "19020 lab         20   0 93696  6596  3700 R  98.0  stress-ng-cpu [run]");

    @Test
    void theMeterBarsAreGreenAndBoldTheRestLightText() {
        List<List<Span>> lines = TerminalShot.spans(SCREEN);
        assertThat(lines).hasSize(SCREEN.size());
        assertThat(lines.get(0)).containsExactly(
                new Span(0, "    0[", TerminalShot.TEXT, false),
                new Span(6, "|".repeat(43), TerminalShot.BAR, true),
                new Span(49, "100.0%", TerminalShot.TEXT, true),
                new Span(55, "] Tasks: 26, 148 thr; 2 running", TerminalShot.TEXT, false));
        assertThat(bars(lines.get(1))).containsExactly(new Span(6, "|".repeat(20), TerminalShot.BAR, true));
        assertThat(bars(lines.get(2))).containsExactly(new Span(6, "|".repeat(7), TerminalShot.BAR, true));
        assertThat(lines.get(1)).filteredOn(s -> s.text().contains("42.0%")).singleElement()
                .satisfies(value -> assertThat(value.bold()).isTrue());
        for (List<Span> line : lines.subList(3, 5)) {
            assertThat(line).as("not a meter: one plain span").singleElement()
                    .satisfies(s -> assertThat(s).isEqualTo(new Span(0, s.text(), TerminalShot.TEXT, false)));
            assertThat(bars(line)).isEmpty();
        }
        for (int i = 0; i < SCREEN.size(); i++) {
            assertThat(String.join("", lines.get(i).stream().map(Span::text).toList()))
                    .as("every cell drawn once, in order").isEqualTo(SCREEN.get(i));
        }
    }

    @Test
    void theColoursAreADarkGroundLightTextAndGreenBars() {
        assertThat(brightness(TerminalShot.BACKGROUND)).isLessThan(60);
        assertThat(brightness(TerminalShot.TEXT)).isGreaterThan(180);
        Color bar = TerminalShot.BAR;
        assertThat(bar.getGreen()).as("green: %s", bar).isGreaterThan(bar.getRed() + 80)
                .isGreaterThan(bar.getBlue() + 80);
    }

    @Test
    void writesAPngWideEnoughForTheScreen() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(TerminalShot.png(SCREEN, "htop in the VM")));
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isGreaterThan(CPU0.length() * 6);
        assertThat(image.getHeight()).isGreaterThan((SCREEN.size() + 2) * 12);
    }

    @Test
    void anEmptyCaptureIsAnError() {
        assertThatThrownBy(() -> TerminalShot.png(List.of("", "  "), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    private static List<Span> bars(List<Span> line) {
        return line.stream().filter(s -> s.color().equals(TerminalShot.BAR)).toList();
    }

    private static int brightness(Color c) {
        return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
    }
}
