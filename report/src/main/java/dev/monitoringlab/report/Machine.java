package dev.monitoringlab.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where and when evidence was captured, for the line every chart and table carries. */
public record Machine(String hostname, int cores, String os) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static Machine local() {
        String host;
        try {
            host = Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            host = "";
        }
        if (host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown host";
            }
        }
        return new Machine(host, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    public String describe() {
        return hostname + " (" + cores + " cores, " + os + ")";
    }

    public static String stamp(Instant t) {
        return STAMP.format(t);
    }
}
