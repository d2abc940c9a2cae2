package dev.monitoringlab.kubernetes;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PrometheusRule per rules file of the file config, holding that file's groups built from the very same
 * {@link RuleGroup} objects: a PrometheusRule's {@code spec} is a rules file ({@code groups:}), so the groups are
 * carried over field by field, not re-typed.
 */
public final class PrometheusRules {
    /** Which rules file of stack/generated/prometheus/rules/ the object holds; tests extract it back under this name. */
    public static final String RULES_FILE_ANNOTATION = "monitoring-lab/rules-file";

    private PrometheusRules() {
    }

    /** The objects for the committed models ({@link Models#committed()}). */
    public static List<Resource> of(MonitoringSettings s) {
        return of(s, Models.committed());
    }

    /** The objects for the rules of {@code models}, the very groups of the rules files. */
    public static List<Resource> of(MonitoringSettings s, List<ModelSpec> models) {
        Map<String, List<RuleGroup>> byFile = new LinkedHashMap<>();
        for (RuleGroup group : ConfigGenerator.ruleGroups(s, models)) {
            Path file = ConfigGenerator.rulesFile(group).getFileName();
            byFile.computeIfAbsent(file.toString(), f -> new ArrayList<>()).add(group);
        }
        List<Resource> out = new ArrayList<>();
        for (Map.Entry<String, List<RuleGroup>> e : byFile.entrySet()) {
            String stem = e.getKey().replaceFirst("\\.rules\\.ya?ml$", "").replaceFirst("\\.ya?ml$", "");
            List<Object> groups = new ArrayList<>();
            e.getValue().forEach(g -> groups.add(TypedTrees.of(g)));
            out.add(Resource.builder(Resource.API_MONITORING, "PrometheusRule", "monitoring-lab-" + stem, s)
                    .annotation(RULES_FILE_ANNOTATION, e.getKey())
                    .field("spec", Tree.map("groups", groups))
                    .build());
        }
        return out;
    }
}
