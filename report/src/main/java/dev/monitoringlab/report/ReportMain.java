package dev.monitoringlab.report;

import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@code java -jar report/target/report.jar <command>}:
 * {@code evidence} captures charts and tables from a running stack; {@code record-webhooks} stands in for Discord
 * and Slack during a capture; {@code firing-model} simulates how often the model mock's alert fires;
 * {@code embed} copies the evidence tables into REPORT.md.
 */
public final class ReportMain {
    static final String USAGE = String.join("\n",
            "usage: report evidence [flags]            charts and tables from a running stack (--help for flags)",
            "       report record-webhooks --env FILE --log FILE --duration 30m",
            "       report firing-model [--hours 1000] [--seed 1] [--out FILE]",
            "       report embed [--report report/REPORT.md] [--evidence report/evidence]");

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help")) {
            err.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        ProjectLayout layout = ProjectLayout.locate();
        try {
            MonitoringSettings settings = MonitoringSettings.load(layout);
            switch (args[0]) {
                case "evidence" -> {
                    if (rest.length == 1 && rest[0].equals("--help")) {
                        out.println(EvidenceOptions.USAGE);
                        return 0;
                    }
                    EvidenceOptions o = EvidenceOptions.parse(rest, settings, layout.root().resolve("report/evidence"));
                    new EvidenceCommand(settings, o, Machine.local(), out).run();
                }
                case "record-webhooks" -> {
                    Flags f = Flags.parse(rest, "env", "log", "duration");
                    Instant until = Instant.now().plus(f.duration("duration", "30m"));
                    try (WebhookRecorder r = new WebhookRecorder()) {
                        r.run(Path.of(f.required("env")), Path.of(f.required("log")), until, out);
                    }
                }
                case "firing-model" -> {
                    Flags f = Flags.parse(rest, "hours", "seed", "out");
                    int hours = (int) f.number("hours", 1000, 1, 100_000);
                    long seed = f.number("seed", 1, 0, Long.MAX_VALUE);
                    String table = FiringModelReport.render(settings, hours, seed);
                    out.print(table);
                    if (f.has("out")) {
                        AtomicFiles.write(Path.of(f.required("out")), table);
                    }
                }
                case "embed" -> {
                    Flags f = Flags.parse(rest, "report", "evidence");
                    Path report = f.has("report") ? Path.of(f.required("report")) : layout.root().resolve("report/REPORT.md");
                    Path evidence = f.has("evidence") ? Path.of(f.required("evidence"))
                            : layout.root().resolve("report/evidence");
                    out.println("report: refreshed the evidence blocks of " + EmbedCommand.run(report, evidence));
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'\n" + USAGE);
            }
            return 0;
        } catch (UsageException e) {
            err.println("report: " + e.getMessage());
            return 2;
        } catch (SettingsException | EvidenceCommand.StackDownException e) {
            err.println("report: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("report: " + firstLine(e.getMessage()));
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("report: cannot write evidence: " + firstLine(e.getMessage()));
            return 1;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "(no message)" : s.lines().findFirst().orElse(s);
    }
}
