package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's objects follow the model repository like the files do: with a second model folder (rules-as-code's
 * test model store-churn, three inputs) the PrometheusRule of the store-model group holds its alerts and the
 * dashboard ConfigMap its panels, from the same code, and every custom resource still matches the operator's CRD.
 */
class ModelRepositoryObjectsTest {
    @TempDir
    Path root;

    @Test
    @SuppressWarnings("unchecked")
    void aModelFolderAddedToTheRepositoryGetsItsRulesAndPanelsInTheObjects() throws IOException {
        MainTest.copyCommittedModels(root);
        Path from = ProjectLayout.locate().root().resolve("rules-as-code/src/test/models/store-churn");
        Path to = ModelRepository.inCheckout(root).resolve("store-churn");
        Files.createDirectories(to);
        Files.copy(from.resolve(ModelSpec.FILE_NAME), to.resolve(ModelSpec.FILE_NAME));
        List<ModelSpec> models = Models.committed(root);
        assertThat(models).extracting(ModelSpec::name).contains("store-churn", "store-success");

        Map<String, String> files = KubernetesGenerator.render(MonitoringSettings.defaults(), models);
        List<Map<String, Object>> objects = new ArrayList<>();
        files.forEach((name, content) -> {
            if (!name.equals(KubernetesGenerator.KUSTOMIZATION) && !name.equals(HelmValues.FILE)) {
                objects.add((Map<String, Object>) ManifestYaml.read(content));
            }
        });

        Map<String, Object> rule = objects.stream().filter(o -> "PrometheusRule".equals(o.get("kind")))
                .filter(o -> Manifests.<String>at(o, "metadata", "name").equals("monitoring-lab-store-model"))
                .findFirst().orElseThrow();
        List<String> alerts = new ArrayList<>();
        for (Object g : Manifests.<List<Object>>at(rule, "spec", "groups")) {
            for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) r).get("labels");
                alerts.add(((Map<String, Object>) r).get("alert") + " " + labels.get("model") + " "
                        + labels.getOrDefault("feature", "-"));
            }
        }
        assertThat(alerts).contains("StoreSuccessRateLow store-churn -", "StoreModelInputDrift store-churn region",
                "StoreModelInputDrift store-churn visits_per_week", "StoreModelInputDrift store-churn customers_count",
                "StoreModelOutputDrift store-churn -", "StoreModelInputDrift store-success items_count");

        Map<String, Object> dashboard = objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .filter(o -> Manifests.<String>at(o, "metadata", "name").equals("grafana-dashboard-store-model"))
                .findFirst().orElseThrow();
        assertThat(Manifests.<String>at(dashboard, "data", "store-model.json"))
                .contains("Input drift: store-churn / region", "Class share: store-churn");

        OperatorSchemas schemas = OperatorSchemas.locate()
                .orElseThrow(() -> new AssertionError(OperatorSchemas.notFoundMessage()));
        int checked = 0;
        for (Map<String, Object> o : objects) {
            if (OperatorSchemas.isCustomResource((String) o.get("kind"))) {
                assertThat(schemas.errors(o)).as("%s %s", o.get("kind"), Manifests.<String>at(o, "metadata", "name"))
                        .isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }
}
