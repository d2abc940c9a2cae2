package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compose file pins the same current releases that scripts/current-versions.txt fetches and the tests run, so
 * users pull exactly what was tested: one is never bumped without the other.
 */
class ComposeVersionsTest {
    /** Debian package of scripts/current-versions.txt -> the upstream image that ships the same program. */
    static final Map<String, String> IMAGE_OF_PACKAGE = Map.of(
            "prometheus", "prom/prometheus",
            "prometheus-alertmanager", "prom/alertmanager",
            "prometheus-node-exporter", "prom/node-exporter",
            "victoria-metrics", "victoriametrics/victoria-metrics");

    static Map<String, String> pinnedVersions(Path root) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        for (String line : Files.readAllLines(root.resolve("scripts/current-versions.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (!line.isBlank() && !line.trim().startsWith("#") && f.length >= 3) {
                versions.put(f[0], f[2]);
            }
        }
        return versions;
    }

    /** Every {@code image:} of the compose file, as written. */
    static List<String> images(Path composeFile) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s+image:\\s*(\\S+)\\s*$").matcher(Files.readString(composeFile));
        return m.results().map(r -> r.group(1)).collect(Collectors.toList());
    }

    @Test
    void everyUpstreamImageIsTaggedWithTheVersionOfCurrentVersionsTxt() throws IOException {
        Path root = ProjectLayout.locate().root();
        Map<String, String> pins = pinnedVersions(root);
        List<String> images = images(root.resolve("stack/docker-compose.yml"));
        IMAGE_OF_PACKAGE.forEach((pkg, image) -> {
            assertThat(pins).as("scripts/current-versions.txt pins %s", pkg).containsKey(pkg);
            List<String> tags = images.stream().filter(i -> i.startsWith(image + ":")).collect(Collectors.toList());
            assertThat(tags).as("docker-compose.yml uses %s", image).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).as("the tag of %s, pinned in scripts/current-versions.txt", image)
                            .isEqualTo(image + ":v" + pins.get(pkg)));
        });
    }

    @Test
    void noImageFloatsOnLatestOrAMovingTag() throws IOException {
        List<String> images = images(ProjectLayout.locate().root().resolve("stack/docker-compose.yml"));
        assertThat(images).isNotEmpty().allSatisfy(i ->
                assertThat(i).as("an image pinned to a release").matches(".+:v?\\d+\\.\\d+\\.\\d+[^:]*"));
    }
}
