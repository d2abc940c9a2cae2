package dev.monitoringlab.stack;

import java.time.Duration;

/**
 * What the fault tests do to a running {@link NativeStack} and its users never do: take one process down on purpose
 * and start it again. The supervisor leaves a process taken down here alone until {@link #startAgain} brings it
 * back with the same command, data directory and (appended) log.
 */
public final class StackFaults {
    private StackFaults() {
    }

    /** SIGKILL, as a crash would end it. */
    public static void kill(NativeStack stack, String name) {
        stack.stop(name, true);
    }

    /** SIGTERM, as an operator's restart would: the process flushes and leaves. */
    public static void stop(NativeStack stack, String name) {
        stack.stop(name, false);
    }

    /** Starts the process taken down again and waits until it is ready. */
    public static void startAgain(NativeStack stack, String name, Duration readyTimeout) {
        stack.startAgain(name, readyTimeout);
    }
}
