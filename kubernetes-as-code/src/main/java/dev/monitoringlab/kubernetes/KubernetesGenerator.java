package dev.monitoringlab.kubernetes;

import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.rules.Models;
import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object for a cluster running kube-prometheus-stack, one per file, plus the kustomization.yaml that lists
 * them. All is rendered in memory first, so a refusal leaves stack/generated/kubernetes/ as it was; each file is
 * then written atomically, and files of objects that are no longer generated are removed.
 */
public final class KubernetesGenerator {
    public static final String KUSTOMIZATION = "kustomization.yaml";

    private KubernetesGenerator() {
    }

    /** stack/generated/kubernetes */
    public static Path outDir(ProjectLayout layout) {
        return layout.generatedDir().resolve("kubernetes");
    }

    /** Every object, the per-model rules and panels for the committed models ({@link Models#committed()}). */
    public static List<Resource> resources(MonitoringSettings s) {
        return resources(s, Models.committed());
    }

    /** Every object, the per-model rules and panels for {@code models}. */
    public static List<Resource> resources(MonitoringSettings s, List<ModelSpec> models) {
        List<Resource> all = new ArrayList<>(PrometheusRules.of(s, models));
        all.addAll(StoreModelWorkload.of(s));
        all.add(AlertmanagerConfigs.of(s));
        all.addAll(DashboardConfigMaps.of(s, models));
        return all;
    }

    /** What {@link #render(MonitoringSettings, List)} gives for the committed models. */
    public static Map<String, String> render(MonitoringSettings s) {
        return render(s, Models.committed());
    }

    /** File name to content: the objects, then the Helm values, then kustomization.yaml listing the objects. */
    public static Map<String, String> render(MonitoringSettings s, List<ModelSpec> models) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Resource r : resources(s, models)) {
            if (files.put(r.fileName(), ManifestYaml.write(r.tree())) != null) {
                throw new KubernetesException("two " + r.kind() + " objects are both named " + r.name());
            }
        }
        List<String> objectFiles = List.copyOf(files.keySet());
        files.put(HelmValues.FILE, ManifestYaml.write(HelmValues.of(s)));
        files.put(KUSTOMIZATION, ManifestYaml.write(Tree.map(
                "apiVersion", "kustomize.config.k8s.io/v1beta1",
                "kind", "Kustomization",
                "resources", objectFiles)));
        return files;
    }

    /** Writes the rendered files and removes generated files of objects that are no longer rendered. */
    public static List<Path> write(Map<String, String> files, Path outDir) throws IOException {
        List<Path> written = AtomicFiles.writeAll(outDir, files);
        AtomicFiles.removeStale(outDir, ".yaml", written, text -> text.startsWith(ManifestYaml.HEADER));
        return written;
    }
}
