package dev.monitoringlab.serving.http;

import java.util.regex.Pattern;

/** Reading the exposition in tests about one model version: its model and version labels set aside. */
public final class Exposition {
    private static final Pattern MODEL_LABELS = Pattern.compile("(?<=[{,])(model|version)=\"[^\"]*\",?");

    private Exposition() {
    }

    /** Every series without its model and version labels ({@code x{model="m",version="1"} 3} reads {@code x 3}). */
    public static String withoutModelLabels(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            String l = MODEL_LABELS.matcher(line).replaceAll("");
            out.append(l.replace(",}", "}").replace("{}", "")).append('\n');
        }
        return out.toString();
    }
}
