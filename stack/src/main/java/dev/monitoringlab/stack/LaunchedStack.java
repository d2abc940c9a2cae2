package dev.monitoringlab.stack;

import java.util.List;
import java.util.Optional;

/** A running stack as the launcher's foreground loop sees it: the single one ({@link NativeStack}) or {@link HaStack}. */
interface LaunchedStack extends AutoCloseable {
    /** The Prometheus whose targets the summary lists. */
    PrometheusApi prometheus();

    List<StackSummary.Service> services();

    /** Name, pid and log file of every process, for the launcher's banner. */
    List<String> describe();

    /**
     * Why the stack has to end, if it has to: a process that dies is started again by the stack's {@link Supervisor};
     * only one given up on can end the single stack. The highly available stack never ends on its own.
     */
    Optional<String> ended();

    @Override
    void close();

    /** Stops the processes now, instead of at JVM exit: the shutdown hook is no longer needed. */
    static void stopNow(Thread shutdownHook, Runnable stopAll) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it stops the processes
        }
        stopAll.run();
    }
}
