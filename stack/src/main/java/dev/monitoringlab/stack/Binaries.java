package dev.monitoringlab.stack;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ExternalTool.Distribution;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The server binaries a launched stack runs, all from one distribution: the one asked for, or else the newest
 * available (the current releases when scripts/current-versions.sh has cached them, else Debian's on PATH).
 */
final class Binaries {
    private final Distribution distribution;

    private Binaries(Distribution distribution) {
        this.distribution = distribution;
    }

    /** {@code null}: the newest available, judged by Prometheus (the binary every stack runs). */
    static Binaries of(Distribution asked) {
        return new Binaries(Optional.ofNullable(asked).orElseGet(() -> ExternalTool.PROMETHEUS.newest().distribution()));
    }

    Distribution distribution() {
        return distribution;
    }

    ExternalTool.Found locate(ExternalTool tool) {
        return tool.locate(distribution);
    }

    /** The summary's line, e.g. {@code prometheus 3.5.3, alertmanager 0.33.1 (current, scripts/current-versions.sh)}. */
    static StackSummary.Service versions(List<ExternalTool.Found> found) {
        Distribution d = found.get(0).distribution();
        String from = d == Distribution.CURRENT ? "current, from " + ExternalTool.currentDir() : "Debian 12's, on PATH";
        return new StackSummary.Service("versions", found.stream().map(f -> f.tool().shortName() + " " + f.version())
                .collect(Collectors.joining(", ")) + " (" + from + ")");
    }
}
