package dev.monitoringlab.stack;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ExternalTool.Distribution;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The distributions the live tests run on: Debian 12's binaries (the oldest supported) and the current releases
 * (scripts/current-versions.sh), or only those named in LAB_DISTRIBUTIONS / -Dtools.distributions. A missing
 * binary fails the test with the package or the script that provides it.
 */
public final class TestedVersions {
    private TestedVersions() {
    }

    /** For {@code @MethodSource("dev.monitoringlab.stack.TestedVersions#distributions")}. */
    public static Stream<Distribution> distributions() {
        return Distribution.selected().stream();
    }

    /** e.g. {@code prometheus 3.5.3, alertmanager 0.33.1, node exporter 1.11.1 (current)}, for the test's output. */
    public static String describe(Distribution d) {
        List<ExternalTool> tools = List.of(ExternalTool.PROMETHEUS, ExternalTool.ALERTMANAGER, ExternalTool.NODE_EXPORTER);
        return tools.stream().map(t -> t.locate(d)).map(f -> f.tool().shortName() + " " + f.version())
                .collect(Collectors.joining(", ")) + " (" + d.id() + ")";
    }
}
