package dev.monitoringlab.vm;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Debian VM of {@code testvm/}: boot.sh builds (or reuses) the cached image and boots it under QEMU with
 * SSH and port 9100 forwarded to free loopback ports; {@link #close()} runs stop.sh.
 */
final class TestVm implements AutoCloseable {
    private final Path harness;
    private final Path work;
    private final Map<String, String> env;
    private final PrintStream log;

    private TestVm(Path harness, Path work, Map<String, String> env, PrintStream log) {
        this.harness = harness;
        this.work = work;
        this.env = env;
        this.log = log;
    }

    /** Boots the VM; the first run on a machine also builds the image (about 1-2 minutes). */
    static TestVm boot(Path harness, Path work, Duration timeout, PrintStream log) {
        requireRoot();
        Command.require("qemu-system-x86_64", "qemu-system-x86");
        Command.require("qemu-img", "qemu-utils");
        Command.require("debootstrap", "debootstrap");
        Command.require("ssh", "openssh-client");
        Command.Result r = Command.run(List.of(harness.resolve("boot.sh").toString(), work.toString()), harness,
                timeout, log, "  ");
        if (!r.ok()) {
            throw new AssertionError("testvm/boot.sh failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        return new TestVm(harness, work, readEnv(work.resolve("vm.env")), log);
    }

    private static void requireRoot() {
        String uid;
        try {
            uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .findFirst().orElse("Uid: -1").split("\\s+")[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!uid.equals("0")) {
            throw new AssertionError("the VM tests must run as root (debootstrap and chroot build the VM image); "
                    + "run them as root, e.g. sudo mvn -pl vm-ansible -am verify");
        }
    }

    private static Map<String, String> readEnv(Path file) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("boot.sh wrote no " + file, e);
        }
        return out;
    }

    int exporterPort() {
        return Integer.parseInt(env.get("EXPORTER_PORT"));
    }

    Path inventory() {
        return work.resolve("inventory.ini");
    }

    private List<String> sshCommand(String remote) {
        return List.of("ssh", "-i", env.get("SSH_KEY"), "-p", env.get("SSH_PORT"), "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", env.get("SSH_USER") + "@127.0.0.1", remote);
    }

    /** Runs {@code remote} on the VM; its output lines go to the log. */
    Command.Result ssh(String remote, Duration timeout) {
        return Command.run(sshCommand(remote), work, timeout, log, "  vm: ");
    }

    /** When a CPU load ran on the VM, as seen from this machine. */
    record Load(Instant start, Instant end, String output) {
    }

    /**
     * Runs stress-ng on every CPU of the VM for {@code duration}. The start is when stress-ng reports that it
     * dispatched its workers, the end when the command returns, both on this machine's clock.
     */
    Load stress(Duration duration, Consumer<String> onLine) {
        Instant[] start = new Instant[1];
        Command.Result r = Command.run(sshCommand("stress-ng --cpu 0 --timeout " + duration.toSeconds() + "s 2>&1"),
                work, Map.of(), duration.plusSeconds(60), line -> {
                    if (start[0] == null && line.contains("dispatching hogs")) {
                        start[0] = Instant.now();
                    }
                    log.println("  vm: " + line);
                    onLine.accept(line);
                });
        Instant end = Instant.now();
        if (!r.ok() || start[0] == null) {
            throw new AssertionError("stress-ng on the VM failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        return new Load(start[0], end, r.output());
    }

    /** ansible-playbook against this VM with the inventory boot.sh generated, run from {@code playbookDir}. */
    Command.Result ansiblePlaybook(Path playbookDir, String playbook, Duration timeout, String... extraArgs) {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook", "-i", inventory().toString(), playbook));
        cmd.addAll(List.of(extraArgs));
        return Command.run(cmd, playbookDir, Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_FORCE_COLOR", "0"), timeout,
                line -> log.println("  ansible: " + line));
    }

    @Override
    public void close() {
        Command.run(List.of(harness.resolve("stop.sh").toString(), work.toString()), harness, Duration.ofSeconds(30),
                log, "  ");
    }
}
