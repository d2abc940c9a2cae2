package dev.monitoringlab.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The launcher in the foreground: prints the summary, then waits until Ctrl+C (or SIGTERM), which stops everything
 * in reverse order and exits 0. Meanwhile the stack's {@link Supervisor} starts again any process that dies; only a
 * process it gives up on in the single stack ends it, which stops the rest and exits 1.
 */
final class Foreground {
    private final LaunchedStack stack;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean failed;

    Foreground(LaunchedStack stack, PrintStream out, PrintStream err) {
        this.stack = stack;
        this.out = out;
        this.err = err;
    }

    int run(Duration targetsTimeout) {
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (failed) {
                return; // the watch loop has stopped the stack and chosen the exit code
            }
            stopping.countDown();
            out.println("stack: stopping");
            stack.close();
            out.println("stack: stopped");
            // a stop on request is a success: without this the JVM would exit 130 after SIGINT
            Runtime.getRuntime().halt(0);
        }, "launcher-stop"));
        stack.describe().forEach(d -> out.println("stack:   " + d));
        StackSummary.Targets targets = StackSummary.awaitTargets(stack.prometheus(), targetsTimeout);
        out.println(StackSummary.render(stack.services(), targets));
        out.println("stack: running; Ctrl+C stops everything");
        try {
            while (!stopping.await(1, TimeUnit.SECONDS)) {
                Optional<String> ended = stack.ended();
                if (ended.isPresent() && stopping.getCount() > 0) {
                    failed = true;
                    err.println(ended.get());
                    stack.close();
                    return 1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the stop hook owns the exit from here: System.exit waits for it, and its halt(0) ends the JVM
        return 0;
    }
}
