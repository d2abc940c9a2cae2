package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalToolTest {
    @TempDir
    Path dir;

    @Test
    void theCurrentFolderIsTheScriptsCacheUnlessNamed() {
        assertThat(ExternalTool.currentDir(Map.of(), null, "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/monitoring-lab/current/bin"));
        assertThat(ExternalTool.currentDir(Map.of("XDG_CACHE_HOME", "/x"), null, "/home/u"))
                .isEqualTo(Path.of("/x/monitoring-lab/current/bin"));
        assertThat(ExternalTool.currentDir(Map.of("LAB_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x"), null, "/home/u"))
                .isEqualTo(Path.of("/c/current/bin"));
        assertThat(ExternalTool.currentDir(Map.of("LAB_TOOLS_DIR", "/t", "LAB_CACHE_DIR", "/c"), null, "/home/u"))
                .isEqualTo(Path.of("/t"));
        assertThat(ExternalTool.currentDir(Map.of("LAB_TOOLS_DIR", "/t"), "/p", "/home/u")).isEqualTo(Path.of("/p"));
    }

    @Test
    void distributionsAreBothOldestFirstUnlessNamed() {
        assertThat(Distribution.parse("")).containsExactly(Distribution.DEBIAN, Distribution.CURRENT);
        assertThat(Distribution.parse("current")).containsExactly(Distribution.CURRENT);
        assertThat(Distribution.parse(" current , debian,current")).containsExactly(Distribution.CURRENT,
                Distribution.DEBIAN);
        assertThatThrownBy(() -> Distribution.parse("sid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LAB_DISTRIBUTIONS: unknown distribution 'sid' (known: debian, current)");
    }

    @Test
    void aCurrentBinaryIsFoundInTheNamedFolderWithTheVersionItReports() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("promtool"), "echo 'promtool, version 3.5.3+ds1 (branch: debian/sid)'");
        // a binary that prints no version: the cache's versions.txt names it
        script(bin.resolve("victoria-metrics"), "echo");
        Files.writeString(dir.resolve("versions.txt"), "prometheus 3.5.3\nvictoria-metrics 1.145.0\n");
        String previous = System.getProperty("tools.dir");
        System.setProperty("tools.dir", bin.toString());
        try {
            ExternalTool.Found promtool = ExternalTool.PROMTOOL.locate(Distribution.CURRENT);
            assertThat(promtool.path()).isEqualTo(bin.resolve("promtool"));
            assertThat(promtool.describe()).isEqualTo("promtool 3.5.3 (current)");
            assertThat(ExternalTool.PROMTOOL.newest().distribution()).isEqualTo(Distribution.CURRENT);
            assertThat(ExternalTool.VICTORIA_METRICS.locate(Distribution.CURRENT).version()).isEqualTo("1.145.0");
            assertThatThrownBy(() -> ExternalTool.AMTOOL.require(Distribution.CURRENT))
                    .isInstanceOf(ExternalTool.MissingException.class)
                    .hasMessageStartingWith("amtool not found in " + bin + " (the current release): run"
                            + " scripts/current-versions.sh");
        } finally {
            if (previous == null) {
                System.clearProperty("tools.dir");
            } else {
                System.setProperty("tools.dir", previous);
            }
        }
    }

    @Test
    void aMissingDebianBinaryNamesItsPackage() {
        ExternalTool none = new ExternalTool(List.of("no-such-tool-here"), "some-package");
        assertThat(none.find(Distribution.DEBIAN)).isEmpty();
        assertThatThrownBy(() -> none.require(Distribution.DEBIAN)).isInstanceOf(ExternalTool.MissingException.class)
                .hasMessageContaining("install the Debian package 'some-package'");
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
