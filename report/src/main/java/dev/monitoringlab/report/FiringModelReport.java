package dev.monitoringlab.report;

import dev.monitoringlab.settings.MonitoringSettings;
import java.util.List;

/** The firing-model command's Markdown: formula vs simulation for the lab's rule and the variants that tame it. */
final class FiringModelReport {
    private FiringModelReport() {
    }

    static String render(MonitoringSettings settings, int hours, long seed) {
        int evalSec = (int) settings.evaluationInterval().toSeconds();
        List<FiringModel.Result> results = FiringModel.labVariants(settings.modelMockThreshold()).stream()
                .map(v -> FiringModel.simulate(v, evalSec, hours, seed)).toList();
        return "# ModelMockHighAccuracy: firing episodes per hour\n\n"
                + FiringModel.simulationTable(results, evalSec, hours, seed)
                + "\nRegenerate: `java -jar report/target/report.jar firing-model --hours " + hours + " --seed " + seed
                + " --out report/evidence/firing-model.md`\n";
    }
}
