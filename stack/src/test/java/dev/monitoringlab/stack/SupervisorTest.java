package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor with short-lived real processes ({@code sh -c 'exit 3'}, {@code sleep}). The first tests drive it
 * round by round with a clock they set, waiting only for a process's real exit; the last runs its own thread and
 * waits for the restart it must make.
 */
class SupervisorTest {
    private static final RestartPolicy POLICY = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 3,
            Duration.ofMinutes(1));

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path logs;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final FakeClock clock = new FakeClock();
    private final Stack stack = new Stack();
    private final List<String> givenUp = new ArrayList<>();

    @AfterEach
    void stopAll() {
        stack.running.values().forEach(ManagedProcess::close);
    }

    @Test
    void aProcessThatDiesIsStartedAgainAfterTheBackoffWithTheRealEndOfItsLog() throws Exception {
        stack.start("crasher", "echo 'loading config'; echo 'fatal: config broken'; exit 3");
        Supervisor s = Supervisor.manual(stack, POLICY, log, (name, line) -> givenUp.add(name), clock);
        ManagedProcess first = awaitExit("crasher");

        s.check();
        assertThat(text()).contains("stack: crasher (pid " + first.pid() + ") died, exit code 3; the end of "
                        + logs.resolve("crasher.log") + ":\nloading config\nfatal: config broken\n")
                .contains("stack: starting crasher again in 1.0 s (1 death within 1m; given up on at 3)");
        clock.advance(Duration.ofMillis(999));
        s.check();
        assertThat(stack.running.get("crasher")).as("not before the backoff").isSameAs(first);

        clock.advance(Duration.ofMillis(1));
        s.check();
        ManagedProcess second = stack.running.get("crasher");
        assertThat(second).isNotSameAs(first);
        assertThat(text()).contains("stack: crasher started again (pid " + second.pid() + ")");
        awaitExit("crasher");
        s.check();
        assertThat(text()).contains("starting crasher again in 2.0 s (2 deaths within 1m;");
        assertThat(Files.readAllLines(logs.resolve("crasher.log"))).as("the restart appends to the same log")
                .containsExactly("loading config", "fatal: config broken", "loading config", "fatal: config broken");
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aProcessThatKeepsDyingIsGivenUpOnWithOneLineAndNotStartedAgain() throws Exception {
        stack.start("crasher", "exit 1");
        Supervisor s = Supervisor.manual(stack, POLICY, log, (name, line) -> givenUp.add(name + ": " + line), clock);
        for (int death = 1; death <= 3; death++) {
            ManagedProcess dead = awaitExit("crasher");
            s.check();
            clock.advance(Duration.ofSeconds(10));
            s.check();
            if (death < 3) {
                assertThat(stack.running.get("crasher")).isNotSameAs(dead);
            } else {
                assertThat(stack.running.get("crasher")).as("given up: left dead").isSameAs(dead);
            }
        }
        assertThat(givenUp).containsExactly("crasher: stack: crasher keeps dying (3 deaths within 1m); given up on it");
        assertThat(text()).contains("(" + logs.resolve("crasher.log") + " is empty: the process printed nothing)");
        clock.advance(Duration.ofMinutes(5));
        s.check();
        assertThat(text().split("died, exit code 1", -1)).as("each death told once").hasSize(4);
        assertThat(stack.restarts).isEqualTo(2);
    }

    @Test
    void aProcessTheStackTookOutIsNotStartedAgain() throws Exception {
        stack.start("held", "exit 0");
        Supervisor s = Supervisor.manual(stack, POLICY, log, (name, line) -> givenUp.add(name), clock);
        ManagedProcess dead = awaitExit("held");
        stack.running.remove("held"); // what HaStack.kill and NativeStack.stop do before they end a process
        s.check();
        clock.advance(Duration.ofMinutes(1));
        s.check();
        assertThat(text()).isEmpty();
        assertThat(stack.restarts).isZero();
        dead.close();
    }

    @Test
    void theRestartWaitsWhileThePortIsStillTakenAndNoLongerThanPortWait() throws Exception {
        try (java.net.ServerSocket holder = new java.net.ServerSocket()) {
            holder.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = holder.getLocalPort();
            // a JVM, as the mock and the store model are, and something still listening on its port
            stack.startCommand("server", List.of(JAVA, "-version"), java.net.URI.create("http://127.0.0.1:" + port + "/ready"));
            Supervisor s = Supervisor.manual(stack, POLICY, log, (name, line) -> givenUp.add(name), clock);
            ManagedProcess dead = awaitExit("server");
            s.check();
            clock.advance(Duration.ofSeconds(1));
            s.check();
            s.check();
            assertThat(stack.running.get("server")).as("not restarted while the port is taken").isSameAs(dead);
            assertThat(text().split("waiting for port " + port, -1)).as("said once").hasSize(2);
            clock.advance(Supervisor.PORT_WAIT.minusSeconds(1));
            s.check();
            assertThat(stack.running.get("server")).isSameAs(dead);
            holder.close();
            s.check();
            assertThat(stack.running.get("server")).as("restarted once the port is free").isNotSameAs(dead);
        }
        ManagedProcess second = awaitExit("server");
        try (java.net.ServerSocket holder = new java.net.ServerSocket()) {
            holder.bind(new java.net.InetSocketAddress("127.0.0.1", second.port()));
            Supervisor s = Supervisor.manual(stack, POLICY, log, (name, line) -> givenUp.add(name), clock);
            s.check();
            clock.advance(Supervisor.PORT_WAIT.plusSeconds(2));
            s.check();
            assertThat(stack.running.get("server")).as("restarted anyway once PORT_WAIT has passed").isNotSameAs(second);
        }
    }

    @Test
    void aGoServerIsNotKeptWaitingForItsPort() throws Exception {
        try (java.net.ServerSocket holder = new java.net.ServerSocket()) {
            holder.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            // not a JVM: stands for the Go servers, which are restarted by the backoff alone
            stack.start("go-server", "exit 1", java.net.URI.create("http://127.0.0.1:" + holder.getLocalPort() + "/"));
            Supervisor s = Supervisor.manual(stack, POLICY, log, (name, line) -> givenUp.add(name), clock);
            ManagedProcess dead = awaitExit("go-server");
            s.check();
            clock.advance(Duration.ofSeconds(1));
            s.check();
            assertThat(stack.running.get("go-server")).isNotSameAs(dead);
            assertThat(text()).doesNotContain("waiting for port");
        }
    }

    @Test
    void aKilledProcessIsBackWithANewPidWhileTheOtherKeepsItsOwn() throws Exception {
        stack.start("victim", "exec sleep 60");
        stack.start("bystander", "exec sleep 60");
        long victim = stack.running.get("victim").pid();
        long bystander = stack.running.get("bystander").pid();
        RestartPolicy fast = new RestartPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 3, Duration.ofMinutes(1));
        try (Supervisor s = Supervisor.start(stack, fast, log, (name, line) -> givenUp.add(name))) {
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            Instant deadline = Instant.now().plusSeconds(20);
            while (stack.current("victim").pid() == victim && Instant.now().isBefore(deadline)) {
                Waits.pause(Duration.ofMillis(20));
            }
        }
        assertThat(stack.current("victim").pid()).as("the victim's new pid").isNotEqualTo(victim);
        assertThat(stack.current("victim").alive()).isTrue();
        assertThat(stack.current("bystander").pid()).isEqualTo(bystander);
        assertThat(stack.current("bystander").alive()).isTrue();
        assertThat(text()).contains("stack: victim (pid " + victim + ") died, killed by signal 9 (SIGKILL");
        assertThat(givenUp).isEmpty();
    }

    private ManagedProcess awaitExit(String name) throws Exception {
        ManagedProcess p = stack.current(name);
        p.handle().onExit().get(10, TimeUnit.SECONDS);
        return p;
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A stack of {@code sh -c} processes, as NativeStack and HaStack offer theirs to the supervisor. */
    private final class Stack implements Supervisor.Processes {
        final Map<String, ManagedProcess> running = new LinkedHashMap<>();
        int restarts;

        synchronized void start(String name, String script) {
            start(name, script, null);
        }

        synchronized void start(String name, String script, java.net.URI readyUrl) {
            startCommand(name, List.of("sh", "-c", script), readyUrl);
        }

        synchronized void startCommand(String name, List<String> command, java.net.URI readyUrl) {
            running.put(name, ManagedProcess.start(name, command, logs, readyUrl));
        }

        synchronized ManagedProcess current(String name) {
            return running.get(name);
        }

        @Override
        public synchronized Map<String, ManagedProcess> supervised() {
            return new LinkedHashMap<>(running);
        }

        @Override
        public synchronized Optional<ManagedProcess> restart(String name, ManagedProcess dead) {
            if (running.get(name) != dead) {
                return Optional.empty();
            }
            restarts++;
            ManagedProcess again = dead.startAgain();
            running.put(name, again);
            return Optional.of(again);
        }
    }

    private static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
