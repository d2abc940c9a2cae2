package dev.monitoringlab.report;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.PromDuration;
import dev.monitoringlab.settings.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The evidence command's flags, with defaults from the settings object. */
public record EvidenceOptions(URI prometheus, URI alertmanager, Path out, Optional<Path> phases,
                              Optional<Path> messages, Duration modelWindow, Optional<Instant> end, String cpuSource) {

    public static final String USAGE = String.join("\n",
            "usage: report evidence [--prometheus URL] [--alertmanager URL] [--out DIR] [--phases FILE]",
            "                       [--messages FILE] [--model-window 15m] [--end ISO-INSTANT] [--cpu-source TEXT]",
            "  --prometheus     Prometheus base URL (default http://localhost:<prometheus.port>)",
            "  --alertmanager   Alertmanager base URL (default http://localhost:<alertmanager.port>)",
            "  --out            where the evidence goes (default report/evidence)",
            "  --phases         scenario phases CSV written by report/capture-evidence.sh (CPU and store charts)",
            "  --messages       notifications recorded by 'report record-webhooks' (JSON lines)",
            "  --model-window   how much model_result history to chart (default 15m, as the dashboard)",
            "  --end            end of the model_result window (default: now)",
            "  --cpu-source     which machine the CPU load ran on, printed on the CPU chart");

    public static EvidenceOptions parse(String[] args, MonitoringSettings settings, Path defaultOut) throws UsageException {
        URI prom = URI.create("http://localhost:" + settings.port(Setting.PROMETHEUS_PORT));
        URI am = URI.create("http://localhost:" + settings.port(Setting.ALERTMANAGER_PORT));
        Path out = defaultOut;
        Path phases = null;
        Path messages = null;
        Duration window = Duration.ofMinutes(15);
        Instant end = null;
        String cpuSource = "the node exporter targets of job node";
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (flag.startsWith("--") && i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("unknown or incomplete argument '" + flag + "'");
            }
            switch (flag) {
                case "--prometheus" -> prom = url(flag, value);
                case "--alertmanager" -> am = url(flag, value);
                case "--out" -> out = Path.of(value);
                case "--phases" -> phases = Path.of(value);
                case "--messages" -> messages = Path.of(value);
                case "--model-window" -> window = duration(flag, value);
                case "--end" -> end = instant(flag, value);
                case "--cpu-source" -> cpuSource = value;
                default -> throw new UsageException("unknown argument '" + flag + "'");
            }
        }
        return new EvidenceOptions(prom, am, out, Optional.ofNullable(phases), Optional.ofNullable(messages), window,
                Optional.ofNullable(end), cpuSource);
    }

    private static URI url(String flag, String value) throws UsageException {
        if (!value.matches("https?://[^\\s/]+/?")) {
            throw new UsageException(flag + " must be a base URL like http://localhost:9090, not '" + value + "'");
        }
        return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    private static Duration duration(String flag, String value) throws UsageException {
        try {
            Duration d = PromDuration.parse(value);
            if (d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
                throw new UsageException(flag + " must be between 1s and 1d, not '" + value + "'");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }

    private static Instant instant(String flag, String value) throws UsageException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(flag + " must be an ISO-8601 instant like 2026-11-21T06:00:00Z, not '" + value + "'");
        }
    }
}
