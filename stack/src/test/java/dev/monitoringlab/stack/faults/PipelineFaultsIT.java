package dev.monitoringlab.stack.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Faults injected into the live pipeline (real Prometheus, Alertmanager, mock; a local Discord look-alike), each
 * printing its timeline and asserting what was lost and what was duplicated. The scenarios mostly wait, so they
 * run side by side (junit-platform.properties) on their own ports and directories; the class itself runs in the
 * sequence of the other live tests (only HaStackIT runs beside it), whose latency bounds should not share the machine
 * with seven more stacks.
 */
@Execution(ExecutionMode.SAME_THREAD)
class PipelineFaultsIT {
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void discordOutageOf60sThenRecoveryDeliversTheFiringMessageOnce(@TempDir Path work) throws IOException {
        ReceiverOutage.run(work);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void discordOutageWithTheLabsFlappingAlertLosesOnlyCrossingsThatResolvedBeforeTheRecovery(@TempDir Path work)
            throws IOException {
        FlappingAlertOutage.run(work);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void alertmanagerRestartedWhileAnAlertFiresNeitherRepeatsNorLosesAMessage(@TempDir Path work) {
        AlertmanagerRestart.run(work);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void prometheusRestartedInTheMiddleOfForDoesNotStartTheCpuAlertsForAgain(@TempDir Path work)
            throws InterruptedException, ExecutionException {
        PrometheusRestart.run(work);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theMockKilledAndRestartedFiresAndResolvesTargetDownWithoutAFalseAccuracyMessage(@TempDir Path work) {
        ModelMockRestart.run(work);
    }
}
