package dev.monitoringlab.stack.faults;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.stack.TestedVersions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults injected into the live pipeline (real Prometheus, Alertmanager, mock; a local Discord look-alike), each
 * printing its timeline and asserting what was lost and what was duplicated. The scenarios mostly wait, so they
 * run side by side (junit-platform.properties) on their own ports and directories; the class itself runs in the
 * sequence of the other live tests (only HaStackIT runs beside it), whose latency bounds should not share the machine
 * with seven more stacks. Each scenario runs on Debian 12's binaries and on the current releases, side by side.
 */
@Execution(ExecutionMode.SAME_THREAD)
class PipelineFaultsIT {
    private static final String VERSIONS = "dev.monitoringlab.stack.TestedVersions#distributions";

    private static void announce(String scenario, Distribution distribution) {
        System.out.println("PipelineFaultsIT " + scenario + " on " + TestedVersions.describe(distribution));
    }
    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void discordOutageOf60sThenRecoveryDeliversTheFiringMessageOnce(Distribution distribution,
            @TempDir Path work) throws IOException {
        announce("ReceiverOutage", distribution);
        ReceiverOutage.run(work, distribution);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void discordOutageWithTheLabsFlappingAlertLosesOnlyCrossingsThatResolvedBeforeTheRecovery(Distribution distribution,
            @TempDir Path work) throws IOException {
        announce("FlappingAlertOutage", distribution);
        FlappingAlertOutage.run(work, distribution);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void alertmanagerRestartedWhileAnAlertFiresNeitherRepeatsNorLosesAMessage(Distribution distribution,
            @TempDir Path work) {
        announce("AlertmanagerRestart", distribution);
        AlertmanagerRestart.run(work, distribution);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void prometheusRestartedInTheMiddleOfForDoesNotStartTheCpuAlertsForAgain(Distribution distribution,
            @TempDir Path work) throws InterruptedException, ExecutionException {
        announce("PrometheusRestart", distribution);
        PrometheusRestart.run(work, distribution);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void theMockKilledAndRestartedFiresAndResolvesTargetDownWithoutAFalseAccuracyMessage(Distribution distribution,
            @TempDir Path work) {
        announce("ModelMockRestart", distribution);
        ModelMockRestart.run(work, distribution);
    }
}
