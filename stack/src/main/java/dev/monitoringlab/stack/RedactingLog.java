package dev.monitoringlab.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;

/**
 * Copies a child process's output into its log file line by line, with every secret value replaced by
 * {@code <redacted>}. Needed because Alertmanager 0.25 writes the Telegram bot token into its log whenever a
 * delivery fails (the token is part of the Bot API's URL, and unlike its Discord and Slack URLs it is not redacted).
 */
final class RedactingLog {
    static final String MARK = "<redacted>";

    private RedactingLog() {
    }

    /** Starts the copying thread; it ends when the process closes its output. */
    static Thread pump(String name, InputStream output, Path log, List<String> secrets, boolean append) throws IOException {
        // longest first, so a URL that contains a token is replaced whole
        List<String> bySize = secrets.stream().filter(s -> !s.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        Thread t = new Thread(() -> {
            try (out; BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(redact(line, bySize));
                    out.write('\n');
                    out.flush();
                }
            } catch (IOException ended) {
                // the process or the log went away: nothing left to copy
            }
        }, "log-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String redact(String line, List<String> secrets) {
        String out = line;
        for (String s : secrets) {
            out = out.replace(s, MARK);
        }
        return out;
    }
}
