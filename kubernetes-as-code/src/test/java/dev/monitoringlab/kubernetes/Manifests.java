package dev.monitoringlab.kubernetes;

import dev.monitoringlab.settings.MonitoringSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The generated files read back as the cluster would: every object as a plain tree, by kind. */
final class Manifests {
    final Map<String, String> files;
    final List<Map<String, Object>> objects = new ArrayList<>();

    @SuppressWarnings("unchecked")
    Manifests(MonitoringSettings s) {
        files = KubernetesGenerator.render(s);
        files.forEach((name, content) -> {
            if (!name.equals(KubernetesGenerator.KUSTOMIZATION) && !name.equals(HelmValues.FILE)) {
                objects.add((Map<String, Object>) ManifestYaml.read(content));
            }
        });
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> all = ofKind(kind);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + all.size());
        }
        return all.get(0);
    }

    /** {@code at(tree, "spec", "template", "metadata", "labels")}; list indexes as integers. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object cur = tree;
        for (Object p : path) {
            cur = p instanceof Integer i ? ((List<Object>) cur).get(i) : ((Map<String, Object>) cur).get(p);
            if (cur == null) {
                throw new AssertionError("no " + p + " in " + List.of(path));
            }
        }
        return (T) cur;
    }
}
