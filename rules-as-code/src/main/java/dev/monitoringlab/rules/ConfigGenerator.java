package dev.monitoringlab.rules;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.prometheus.RuleFile;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders prometheus.yml, one rules file per group and alertmanager.yml, then writes them all. */
public final class ConfigGenerator {
    public static final Path PROMETHEUS_YML = Path.of("prometheus", "prometheus.yml");
    public static final Path ALERTMANAGER_YML = Path.of("alertmanager", "alertmanager.yml");

    private ConfigGenerator() {
    }

    /** Every rule group for the committed models ({@link Models#committed()}). */
    public static List<RuleGroup> ruleGroups(MonitoringSettings s) {
        return ruleGroups(s, Models.committed());
    }

    /** Every rule group, the per-model rules for {@code models}, each alert with its runbook link (added here, once). */
    public static List<RuleGroup> ruleGroups(MonitoringSettings s, List<ModelSpec> models) {
        return List.of(ModelMockRules.group(s), HostRules.group(s), StoreModelRules.group(s, models),
                StoreModelSlos.group(s), MonitoringRules.group(s)).stream().map(g -> Runbooks.link(g, s)).toList();
    }

    public static Path rulesFile(RuleGroup group) {
        return Path.of("prometheus", "rules", group.name() + ".rules.yml");
    }

    /** What {@link #render(MonitoringSettings, List)} gives for the committed models. */
    public static List<GeneratedFile> render(MonitoringSettings s) {
        return render(s, Models.committed());
    }

    /** Everything rendered in memory first, so a failure leaves the output folder as it was. */
    public static List<GeneratedFile> render(MonitoringSettings s, List<ModelSpec> models) {
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile(PROMETHEUS_YML, Yaml.write(ScrapeJobs.prometheusConfig(s)), false));
        for (RuleGroup group : ruleGroups(s, models)) {
            files.add(new GeneratedFile(rulesFile(group), Yaml.write(RuleFile.of(group)), false));
        }
        // alertmanager.yml holds the webhook URLs (Alertmanager 0.25 cannot read them from a file): owner-only.
        files.add(new GeneratedFile(ALERTMANAGER_YML, Yaml.write(Routing.alertmanagerConfig(s)), true));
        // the highly available layout's replicas, always written so that compose's profile ha can mount them
        files.addAll(HighAvailability.render(s));
        return files;
    }

    public static List<Path> writeAll(MonitoringSettings s, Path outDir) throws IOException {
        return writeAll(s, Models.committed(), outDir);
    }

    public static List<Path> writeAll(MonitoringSettings s, List<ModelSpec> models, Path outDir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (GeneratedFile f : render(s, models)) {
            written.add(f.writeUnder(outDir));
        }
        return written;
    }
}
