package dev.monitoringlab.report;

import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The report's subcommands: each takes its flags and calls the real code. */
final class ReportCommands {
    private ReportCommands() {
    }

    @Command(name = "evidence", description = "Charts and tables from a running stack.")
    static final class Evidence extends Cli.Base {
        @Option(names = "--prometheus", paramLabel = "URL", converter = BaseUrl.class,
                description = "Prometheus base URL (default http://localhost:<prometheus.port>)")
        private URI prometheus;
        @Option(names = "--alertmanager", paramLabel = "URL", converter = BaseUrl.class,
                description = "Alertmanager base URL (default http://localhost:<alertmanager.port>)")
        private URI alertmanager;
        @Option(names = "--out", paramLabel = "DIR", description = "where the evidence goes (default report/evidence)")
        private Path out;
        @Option(names = "--phases", paramLabel = "FILE",
                description = "scenario phases CSV written by report/capture-evidence.sh (CPU and store charts)")
        private Path phases;
        @Option(names = "--messages", paramLabel = "FILE",
                description = "notifications recorded by 'report record-webhooks' (JSON lines)")
        private Path messages;
        @Option(names = "--model-window", defaultValue = "15m", converter = Window.class,
                description = "how much model_result history to chart, 1s to 1d (default ${DEFAULT-VALUE}, as the dashboard)")
        private Duration modelWindow;
        @Option(names = "--end", paramLabel = "ISO-INSTANT", converter = IsoInstant.class, description = "end of the model_result window (default: now)")
        private Instant end;
        @Option(names = "--cpu-source", paramLabel = "TEXT", defaultValue = "the node exporter targets of job node",
                description = "which machine the CPU load ran on, printed on the CPU chart")
        private String cpuSource;

        @Override
        public Integer call() throws IOException {
            MonitoringSettings settings = settings();
            ProjectLayout layout = ProjectLayout.locate();
            EvidenceOptions o = new EvidenceOptions(
                    prometheus != null ? prometheus : URI.create("http://localhost:" + settings.port(Setting.PROMETHEUS_PORT)),
                    alertmanager != null ? alertmanager
                            : URI.create("http://localhost:" + settings.port(Setting.ALERTMANAGER_PORT)),
                    out != null ? out : layout.root().resolve("report/evidence"),
                    Optional.ofNullable(phases), Optional.ofNullable(messages), modelWindow, Optional.ofNullable(end),
                    cpuSource);
            new EvidenceCommand(settings, o, Machine.local(), out()).run();
            return 0;
        }
    }

    @Command(name = "record-webhooks", description = "Stand in for Discord and Slack during a capture.")
    static final class RecordWebhooks extends Cli.Base {
        @Option(names = "--env", required = true, paramLabel = "FILE", description = "where to write the webhook URLs")
        private Path env;
        @Option(names = "--log", required = true, paramLabel = "FILE", description = "where the messages go (JSON lines)")
        private Path log;
        @Option(names = "--duration", defaultValue = "30m", converter = Cli.PositiveDuration.class,
                description = "how long to listen (default ${DEFAULT-VALUE})")
        private Duration duration;

        @Override
        public Integer call() throws IOException {
            try (WebhookRecorder r = new WebhookRecorder()) {
                r.run(env, log, Instant.now().plus(duration), out());
            }
            return 0;
        }
    }

    @Command(name = "firing-model", description = "Simulate how often the model mock's alert fires.")
    static final class FiringModelCommand extends Cli.Base {
        @Option(names = "--hours", defaultValue = "1000", description = "simulated hours, 1 to 100000 (default ${DEFAULT-VALUE})")
        private int hours;
        @Option(names = "--seed", defaultValue = "1", description = "random seed, 0 or more (default ${DEFAULT-VALUE})")
        private long seed;
        @Option(names = "--out", paramLabel = "FILE", description = "also write the table here")
        private Path out;

        @Override
        public Integer call() throws IOException {
            inRange("--hours", hours, 1, 100_000);
            inRange("--seed", seed, 0, Long.MAX_VALUE);
            String table = FiringModelReport.render(settings(), hours, seed);
            out().print(table);
            if (out != null) {
                AtomicFiles.write(out, table);
            }
            return 0;
        }
    }

    @Command(name = "terminal-png", description = "Draw a saved terminal screen (tmux capture-pane -p) as a PNG.")
    static final class TerminalPng extends Cli.Base {
        @Option(names = "--in", required = true, paramLabel = "FILE", description = "the screen as text")
        private Path in;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PNG to write")
        private Path out;
        @Option(names = "--caption", defaultValue = "", paramLabel = "TEXT", description = "a line above the screen")
        private String caption;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(in)) {
                throw usage("--in " + in + ": no such file");
            }
            List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
            try {
                AtomicFiles.write(out, TerminalShot.png(lines, caption));
            } catch (IllegalArgumentException e) {
                throw usage("--in " + in + ": " + e.getMessage());
            }
            out().println("report: wrote " + out);
            return 0;
        }
    }

    @Command(name = "embed", description = "Copy the evidence tables into REPORT.md.")
    static final class Embed extends Cli.Base {
        @Option(names = "--report", paramLabel = "FILE", description = "the report (default report/REPORT.md)")
        private Path report;
        @Option(names = "--evidence", paramLabel = "DIR", description = "the evidence (default report/evidence)")
        private Path evidence;

        @Override
        public Integer call() throws IOException {
            Path root = ProjectLayout.locate().root();
            Path file = EmbedCommand.run(report != null ? report : root.resolve("report/REPORT.md"),
                    evidence != null ? evidence : root.resolve("report/evidence"));
            out().println("report: refreshed the evidence blocks of " + file);
            return 0;
        }
    }

    @Command(name = "redraw", description = "Draw the charts again from the data a capture kept (raw/charts/*.json).")
    static final class Redraw extends Cli.Base {
        @Option(names = "--evidence", paramLabel = "DIR", description = "the evidence (default report/evidence)")
        private Path evidence;

        @Override
        public Integer call() throws IOException {
            Path dir = evidence != null ? evidence : ProjectLayout.locate().root().resolve("report/evidence");
            Path data = dir.resolve(ChartData.FOLDER);
            if (!Files.isDirectory(data)) {
                throw usage("--evidence " + dir + ": no " + ChartData.FOLDER + "/ folder (a capture writes it)");
            }
            List<Path> files;
            try (var list = Files.list(data)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw usage("--evidence " + dir + ": " + ChartData.FOLDER + "/ holds no chart data (*.json)");
            }
            // every file is read before any PNG is written: one bad file leaves every chart as it was
            List<Charts.Spec> specs = new ArrayList<>();
            for (Path f : files) {
                specs.add(ChartData.read(f));
            }
            for (int i = 0; i < files.size(); i++) {
                String name = files.get(i).getFileName().toString().replaceFirst("\\.json$", ".png");
                out().println("report: wrote " + Charts.write(specs.get(i), dir.resolve(name)));
            }
            return 0;
        }
    }

    private static MonitoringSettings settings() {
        return MonitoringSettings.load(ProjectLayout.locate());
    }

    /** A base URL such as http://localhost:9090, without a trailing slash. */
    static final class BaseUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            if (!value.matches("https?://[^\\s/]+/?")) {
                throw new TypeConversionException("must be a base URL like http://localhost:9090, not '" + value + "'");
            }
            return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        }
    }

    /** An instant as ISO-8601 writes it, 2026-11-21T06:00:00Z. */
    static final class IsoInstant implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant like 2026-11-21T06:00:00Z");
            }
        }
    }

    /** A chart window: a duration from 1s to 1d. */
    static final class Window implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = new Cli.PositiveDuration().convert(value);
            if (d.compareTo(Duration.ofDays(1)) > 0) {
                throw new TypeConversionException("'" + value + "' is longer than 1d");
            }
            return d;
        }
    }
}
