package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/**
 * Molecule-style checks of what a role left on a host (files, users, services, processes), run over SSH
 * after the playbook, in the manner of testinfra's File, User and Service modules.
 */
final class VmChecks {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final TestVm vm;

    VmChecks(TestVm vm) {
        this.vm = vm;
    }

    private String run(String command) {
        Command.Result r = vm.ssh(command, TIMEOUT);
        assertThat(r.exitCode()).as("on the VM: %s%n%s", command, r.output()).isZero();
        return r.output().trim();
    }

    void assertService(String unit) {
        // as root: the minimal guest has no D-Bus session for an unprivileged systemctl
        assertThat(run("sudo systemctl is-enabled " + unit + "; sudo systemctl is-active " + unit))
                .as("unit %s enabled and running", unit).isEqualTo("enabled\nactive");
    }

    void assertUser(String user) {
        assertThat(run("getent passwd " + user + " | cut -d: -f1,7")).as("system user %s without a login shell", user)
                .isIn(user + ":/usr/sbin/nologin", user + ":/bin/false");
    }

    void assertFile(String path, String type, String owner, String group, String mode) {
        assertThat(run("sudo stat -c '%F %U %G %a' " + path)).as("type, owner, group and mode of %s", path)
                .isEqualTo(String.join(" ", type, owner, group, mode));
    }

    String read(String path) {
        return run("sudo cat " + path);
    }

    /** The command line of the running process named {@code name}, arguments separated by spaces. */
    String processArgs(String name) {
        return run("tr '\\0' ' ' < /proc/$(pidof " + name + ")/cmdline");
    }
}
