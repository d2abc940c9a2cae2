package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ExternalTool.Distribution;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinariesTest {
    @Test
    void theSummaryNamesEachServersVersionAndWhereTheyCameFrom() {
        List<ExternalTool.Found> current = List.of(
                new ExternalTool.Found(ExternalTool.PROMETHEUS, Distribution.CURRENT, Path.of("/c/prometheus"), "3.5.3"),
                new ExternalTool.Found(ExternalTool.ALERTMANAGER, Distribution.CURRENT, Path.of("/c/am"), "0.33.1"));
        assertThat(Binaries.versions(current)).isEqualTo(new StackSummary.Service("versions",
                "prometheus 3.5.3, alertmanager 0.33.1 (current, from " + ExternalTool.currentDir() + ")"));
        List<ExternalTool.Found> debian = List.of(
                new ExternalTool.Found(ExternalTool.PROMETHEUS, Distribution.DEBIAN, Path.of("/usr/bin/prometheus"), "2.42.0"));
        assertThat(Binaries.versions(debian).where()).isEqualTo("prometheus 2.42.0 (Debian 12's, on PATH)");
    }

    @Test
    void anUnknownDistributionIsABadCommandLine() {
        var err = new java.io.ByteArrayOutputStream();
        assertThat(dev.monitoringlab.settings.Cli.run(new StackMain(), System.out, new java.io.PrintStream(err, true),
                "--binaries=sid")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("stack: Invalid value for option '--binaries': unknown"
                + " distribution 'sid' (known: debian, current) (see 'stack --help')");
    }
}
