package dev.monitoringlab.report;

import java.util.List;

/** GitHub-flavoured Markdown tables. */
public final class Markdown {
    private Markdown() {
    }

    public static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(row(headers));
        sb.append('|');
        headers.forEach(h -> sb.append("---|"));
        sb.append('\n');
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, the header " + headers.size());
            }
            sb.append(row(r));
        }
        return sb.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        return sb.append('\n').toString();
    }

    /** A cell is one line, and a pipe inside it must not end it. */
    static String cell(String text) {
        return (text == null ? "" : text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", "")
                .replace("\n", "<br>");
    }
}
