package dev.monitoringlab.kubernetes;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kubernetes object: apiVersion, kind, metadata and the rest of its body, in the order kubectl prints them.
 * Every object carries the namespace and the Helm release label from the settings, which is how the
 * kube-prometheus-stack chart finds rules and monitors (its {@code release: <name>} selectors).
 */
public record Resource(String fileName, Map<String, Object> tree) {
    public static final String API_MONITORING = "monitoring.coreos.com/v1";
    public static final String API_MONITORING_ALPHA = "monitoring.coreos.com/v1alpha1";
    /** Common label of everything the project generates, and part of every selector. */
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String PART_OF_VALUE = "monitoring-lab";
    public static final String RELEASE = "release";

    public String kind() {
        return (String) tree.get("kind");
    }

    @SuppressWarnings("unchecked")
    public String name() {
        return (String) ((Map<String, Object>) tree.get("metadata")).get("name");
    }

    public static Builder builder(String apiVersion, String kind, String name, MonitoringSettings s) {
        return new Builder(apiVersion, kind, name, s);
    }

    /** The labels every object carries: part-of and the Helm release. */
    public static Map<String, Object> commonLabels(MonitoringSettings s) {
        return Tree.map(PART_OF, PART_OF_VALUE, RELEASE, s.raw(Setting.KUBERNETES_RELEASE_LABEL));
    }

    public static final class Builder {
        private final Map<String, Object> tree = new LinkedHashMap<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private final Map<String, Object> labels;
        private final Map<String, Object> annotations = new LinkedHashMap<>();
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final String kind;
        private final String name;

        private Builder(String apiVersion, String kind, String name, MonitoringSettings s) {
            this.kind = kind;
            this.name = Names.dns1123Label(name);
            tree.put("apiVersion", apiVersion);
            tree.put("kind", kind);
            metadata.put("name", this.name);
            metadata.put("namespace", s.raw(Setting.KUBERNETES_NAMESPACE));
            labels = new LinkedHashMap<>(commonLabels(s));
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, Object> more) {
            labels.putAll(more);
            return this;
        }

        public Builder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        /** A top-level field after metadata: {@code spec}, {@code data}. */
        public Builder field(String key, Object value) {
            body.put(key, value);
            return this;
        }

        public Resource build() {
            metadata.put("labels", labels);
            if (!annotations.isEmpty()) {
                metadata.put("annotations", annotations);
            }
            tree.put("metadata", metadata);
            tree.putAll(body);
            return new Resource(kind.toLowerCase(java.util.Locale.ROOT) + "-" + name + ".yaml", tree);
        }
    }
}
