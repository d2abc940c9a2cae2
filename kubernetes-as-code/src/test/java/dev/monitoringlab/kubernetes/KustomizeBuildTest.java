package dev.monitoringlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.monitoringlab.rules.ConfigChecks;
import dev.monitoringlab.rules.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's own kustomize builds the generated folder, and what it reads with Kubernetes' YAML parser is what the
 * generator meant: every object, every value of the same type (a label "1" stays a string, a port a number), every
 * dashboard byte for byte. No cluster needed.
 */
class KustomizeBuildTest {
    static final ExternalTool KUBECTL = new ExternalTool(List.of("kubectl"), "kubernetes-client");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void kubectlKustomizeReadsEveryObjectAsGenerated() throws Exception {
        MonitoringSettings s = CoreObjectsTest.withWebhooks(MonitoringSettings.defaults());
        KubernetesGenerator.write(KubernetesGenerator.render(s), dir);
        String built = ConfigChecks.run(KUBECTL, "kustomize", dir.toString());
        List<Map<String, Object>> read;
        try (MappingIterator<Map> docs = new YAMLMapper().readerFor(Map.class).readValues(built)) {
            read = (List<Map<String, Object>>) (List) docs.readAll();
        }
        Comparator<Map<String, Object>> byKindAndName = Comparator.comparing(
                (Map<String, Object> o) -> (String) o.get("kind")).thenComparing(o -> Manifests.<String>at(o, "metadata", "name"));
        List<Map<String, Object>> expected = new Manifests(s).objects.stream().sorted(byKindAndName).toList();
        assertThat(read.stream().sorted(byKindAndName).toList()).hasSize(expected.size()).isEqualTo(expected);
    }
}
