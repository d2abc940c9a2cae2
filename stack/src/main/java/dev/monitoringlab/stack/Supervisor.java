package dev.monitoringlab.stack;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Watches the processes of a native stack and starts each one that dies again, after the delay its
 * {@link RestartPolicy} gives, while the others keep running: what compose's {@code restart: unless-stopped} does
 * for the compose services. A process that keeps dying is given up on with one line, and {@code onGiveUp} decides
 * what becomes of the stack. A process the stack stopped on purpose (only the fault and failover tests do) is not in
 * {@link Processes#supervised()} and is left alone.
 */
final class Supervisor implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(200);
    /** How long a restart waits for a port something still listens on, before it is tried anyway. */
    static final Duration PORT_WAIT = Duration.ofSeconds(75);

    /** The stack's side: what to watch, and how to put a new process in a dead one's place. */
    interface Processes {
        /** The processes that should be running now, by name. */
        Map<String, ManagedProcess> supervised();

        /**
         * Starts {@code name} again in place of {@code dead} and returns the new process; empty when the stack has
         * meanwhile replaced or stopped it itself.
         */
        Optional<ManagedProcess> restart(String name, ManagedProcess dead);
    }

    private record Pending(ManagedProcess dead, Instant at, boolean waitingForPort) {
    }

    private final Processes processes;
    private final RestartPolicy policy;
    private final PrintStream log;
    private final BiConsumer<String, String> onGiveUp;
    private final Clock clock;
    private final Map<String, RestartPolicy.Tracker> trackers = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    /** Dead processes already dealt with (restarted, waiting, or given up on), by identity. */
    private final Set<ManagedProcess> handled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Thread thread;
    private volatile boolean closed;

    private Supervisor(Processes processes, RestartPolicy policy, PrintStream log, BiConsumer<String, String> onGiveUp, Clock clock) {
        this.processes = processes;
        this.policy = policy;
        this.log = log;
        this.onGiveUp = onGiveUp;
        this.clock = clock;
        this.thread = new Thread(this::loop, "supervisor");
        thread.setDaemon(true);
    }

    /** Starts watching at once. {@code onGiveUp} gets the name and the line already printed, from the supervisor's thread. */
    static Supervisor start(Processes processes, RestartPolicy policy, PrintStream log, BiConsumer<String, String> onGiveUp) {
        Supervisor s = new Supervisor(processes, policy, log, onGiveUp, Clock.systemUTC());
        s.thread.start();
        return s;
    }

    /** Not started: the caller runs {@link #check()} itself, at the times its clock says (the unit tests). */
    static Supervisor manual(Processes processes, RestartPolicy policy, PrintStream log, BiConsumer<String, String> onGiveUp,
                             Clock clock) {
        return new Supervisor(processes, policy, log, onGiveUp, clock);
    }

    private void loop() {
        while (!closed) {
            try {
                check();
            } catch (RuntimeException e) {
                // a restart that cannot even be launched (setsid gone, a jar deleted) counts as one more death
                log.println("stack: supervisor: " + e.getMessage());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: note new deaths, start again those whose delay has passed. */
    synchronized void check() {
        Instant now = clock.instant();
        processes.supervised().forEach((name, p) -> {
            if (!p.alive() && handled.add(p)) {
                died(name, p, now);
            }
        });
        for (Map.Entry<String, Pending> e : Map.copyOf(pending).entrySet()) {
            Pending p = e.getValue();
            if (closed || now.isBefore(p.at())) {
                continue;
            }
            if (!p.dead().portFree() && now.isBefore(p.at().plus(PORT_WAIT))) {
                if (!p.waitingForPort()) {
                    log.println("stack: waiting for port " + p.dead().port() + " before starting " + e.getKey()
                            + " again: something still listens there");
                    pending.put(e.getKey(), new Pending(p.dead(), p.at(), true));
                }
                continue;
            }
            pending.remove(e.getKey());
            processes.restart(e.getKey(), e.getValue().dead()).ifPresent(again -> log.println("stack: " + e.getKey()
                    + " started again (pid " + again.pid() + ")"));
        }
    }

    private void died(String name, ManagedProcess p, Instant now) {
        RestartPolicy.Decision d = trackers.computeIfAbsent(name, n -> policy.tracker()).died(now);
        String what = "stack: " + name + " (pid " + p.pid() + ") died, " + p.exitDescription() + "; the end of "
                + p.log() + ":\n" + p.tail();
        if (d.giveUp()) {
            String line = "stack: " + name + " keeps dying (" + policy.describe(d.deathsInWindow()) + "); given up on it";
            log.println(what);
            log.println(line);
            onGiveUp.accept(name, line);
        } else {
            log.println(what);
            log.println("stack: starting " + name + " again in " + d.delay().toMillis() / 1000.0 + " s ("
                    + policy.describe(d.deathsInWindow()) + "; given up on at " + policy.giveUpDeaths() + ")");
            pending.put(name, new Pending(p, now.plus(d.delay()), false));
        }
    }

    /** Stops watching; a restart in progress completes first, so the stack can then stop everything. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
