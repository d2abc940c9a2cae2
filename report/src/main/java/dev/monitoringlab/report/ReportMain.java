package dev.monitoringlab.report;

import dev.monitoringlab.settings.Cli;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/**
 * {@code java -jar report/target/report.jar <command>}:
 * {@code evidence} captures charts and tables from a running stack; {@code record-webhooks} stands in for Discord
 * and Slack during a capture; {@code firing-model} simulates how often the model mock's alert fires;
 * {@code terminal-png} draws a saved terminal screen; {@code embed} copies the evidence tables into REPORT.md;
 * {@code redraw} draws the charts again from the data an earlier capture kept.
 */
@Command(name = "report", description = "The lab report's evidence.",
        subcommands = {ReportCommands.Evidence.class, ReportCommands.RecordWebhooks.class,
                ReportCommands.FiringModelCommand.class, ReportCommands.TerminalPng.class,
                ReportCommands.Embed.class, ReportCommands.Redraw.class})
public final class ReportMain extends Cli.Base {
    public static void main(String[] args) {
        Cli.runAndExit(new ReportMain(), args);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(new ReportMain(), out, err, args);
    }

    /** No subcommand given. */
    @Override
    public Integer call() {
        throw usage("no command given");
    }
}
