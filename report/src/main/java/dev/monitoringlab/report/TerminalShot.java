package dev.monitoringlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A terminal screen saved as text ({@code tmux capture-pane -p}) drawn as a PNG, the way a terminal shows it:
 * light monospaced text on a dark background, with htop's CPU and memory meters in colour (the bars green, the
 * percentages bold) so the picture reads at a glance. The text itself is kept beside it.
 */
final class TerminalShot {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final Color BACKGROUND = new Color(24, 26, 30);
    static final Color TEXT = new Color(215, 218, 224);
    static final Color BAR = new Color(80, 200, 90);
    private static final Color CAPTION = new Color(150, 155, 165);
    /** A meter: "  0[|||||   42.0%]" or "Mem[|||  502M/23.5G]": the brackets' content is the bar. */
    private static final Pattern METER = Pattern.compile("^(\\s*\\S+\\[)([|#*]*)([^\\]]*)(\\].*)$");
    private static final int PAD = 12;

    private TerminalShot() {
    }

    /** Cells of one line drawn alike: from {@code column} on, {@code text} in {@code color}, bold or not. */
    record Span(int column, String text, Color color, boolean bold) {
    }

    /** What {@link #png} draws for each line: a meter as label, bar (green, bold), value (bold) and the rest. */
    static List<List<Span>> spans(List<String> lines) {
        return lines.stream().map(TerminalShot::spans).toList();
    }

    private static List<Span> spans(String line) {
        Matcher m = METER.matcher(line);
        if (!m.matches()) {
            return List.of(new Span(0, line, TEXT, false));
        }
        List<Span> spans = new ArrayList<>();
        int column = 0;
        for (int group = 1; group <= 4; group++) {
            String text = m.group(group);
            spans.add(new Span(column, text, group == 2 ? BAR : TEXT, group == 2 || group == 3));
            column += text.length();
        }
        return spans;
    }

    /** The PNG of {@code lines} under a one-line caption; throws on an empty screen. */
    static byte[] png(List<String> lines, String caption) throws IOException {
        if (lines.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("the terminal capture is empty");
        }
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, 13);
        Font bold = font.deriveFont(Font.BOLD);
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = probe.getFontMetrics(font);
        probe.dispose();
        int columns = lines.stream().mapToInt(String::length).max().orElse(80);
        int lineHeight = fm.getHeight();
        int width = PAD * 2 + Math.max(columns * fm.charWidth('M'), fm.stringWidth(caption));
        int height = PAD * 2 + lineHeight * (lines.size() + 2);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(CAPTION);
        int y = PAD + fm.getAscent();
        g.drawString(caption, PAD, y);
        y += lineHeight * 2;
        int cell = fm.charWidth('M');
        for (List<Span> line : spans(lines)) {
            for (Span span : line) {
                draw(g, span.text(), PAD + span.column() * cell, y, cell, span.color(), span.bold() ? bold : font);
            }
            y += lineHeight;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Draws {@code text} one character per cell from position {@code x}. */
    private static void draw(Graphics2D g, String text, int x, int y, int cell, Color color, Font font) {
        g.setColor(color);
        g.setFont(font);
        for (int i = 0; i < text.length(); i++) {
            g.drawString(String.valueOf(text.charAt(i)), x + i * cell, y);
        }
    }
}
