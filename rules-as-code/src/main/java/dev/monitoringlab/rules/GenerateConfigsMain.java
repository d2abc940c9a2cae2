package dev.monitoringlab.rules;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code GenerateConfigsMain --root DIR [--out DIR] [--skip-checks=true]}: writes prometheus.yml, the rules and
 * alertmanager.yml under stack/generated/ and checks them with promtool and amtool. {@code mvn package} runs it
 * through {@link dev.monitoringlab.settings.BuildStep}.
 */
@Command(name = "rules-as-code", description = "Writes prometheus.yml, the rule files and alertmanager.yml from the"
        + " settings, then checks them with promtool and amtool.")
public final class GenerateConfigsMain extends Cli.Base {
    @Mixin
    private Cli.Folders folders;

    @Option(names = "--skip-checks", arity = "1", paramLabel = "true|false", defaultValue = "false",
            description = "generate without running promtool/amtool (default ${DEFAULT-VALUE})")
    private boolean skipChecks;

    public static void main(String[] args) {
        Cli.runAndExit(new GenerateConfigsMain(), args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter log = out();
        GeneratorInputs in = GeneratorInputs.read(folders, ProjectLayout::generatedDir);
        ProjectLayout layout = in.layout();
        MonitoringSettings settings = in.settings();
        List<ModelSpec> models = in.models();
        for (Path p : in.write(target -> ConfigGenerator.writeAll(settings, models, target))) {
            log.println("rules-as-code: wrote " + layout.root().relativize(p.toAbsolutePath()));
        }
        log.println("rules-as-code: model rules for " + String.join(", ", models.stream()
                .map(m -> m.name() + " (" + m.inputs().size() + " inputs)").toList()) + ", from "
                + layout.root().relativize(ModelRepository.inCheckout(layout.root())) + "/");
        warnIfMissing(log, "Discord", settings.discordWebhook());
        warnIfMissing(log, "Slack", settings.slackWebhook());
        if (settings.heartbeatWebhook().value().isEmpty()) {
            log.println("rules-as-code: no heartbeat webhook configured, so nobody outside hears the"
                    + " Watchdog (a dead man's switch). Put its URL in " + settings.heartbeatWebhook().source() + ".");
        }
        if (skipChecks) {
            log.println("rules-as-code: promtool/amtool checks skipped (-Dchecks.skip=true)");
        } else {
            for (String result : ConfigChecks.checkAll(in.target())) {
                result.lines().forEach(l -> log.println("rules-as-code: " + l));
            }
        }
        return 0;
    }

    private static void warnIfMissing(PrintWriter log, String name, MonitoringSettings.Secret secret) {
        if (secret.value().isEmpty()) {
            log.println("rules-as-code: no " + name + " webhook configured, so alerts are not sent to " + name
                    + ". Put the URL in " + secret.source() + " and run mvn package again.");
        }
    }
}
