package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The playbook and roles pass Debian's ansible-lint with the production profile and Ansible's syntax check. */
class AnsibleLintIT {
    private final Path dir = Path.of("").toAbsolutePath();

    @Test
    void ansibleLintPassesWithTheProductionProfile() {
        Command.require("ansible-lint", "ansible-lint");
        Command.Result r = Command.run(List.of("ansible-lint", "--nocolor"), dir, Map.of("NO_COLOR", "1"),
                Duration.ofMinutes(3), line -> { });
        assertThat(r.exitCode()).as("ansible-lint output:\n%s", r.output()).isZero();
        assertThat(r.output()).contains("Passed with production profile");
    }

    @Test
    void playbookSyntaxIsValid() {
        Command.require("ansible-playbook", "ansible");
        Command.Result r = Command.run(List.of("ansible-playbook", "--syntax-check", "-i", "inventory.example.ini",
                "site.yml"), dir, Map.of("ANSIBLE_NOCOLOR", "1"), Duration.ofMinutes(1), line -> { });
        assertThat(r.exitCode()).as("syntax check output:\n%s", r.output()).isZero();
        assertThat(r.output()).contains("playbook: site.yml");
    }

    @Test
    void lintCatchesABrokenRole(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // The lint test above can only fail if ansible-lint really reads the roles: give it one that is wrong.
        Path role = tmp.resolve("roles/broken/tasks");
        java.nio.file.Files.createDirectories(role);
        java.nio.file.Files.writeString(role.resolve("main.yml"), "---\n- shell: echo hi\n");
        java.nio.file.Files.copy(dir.resolve(".ansible-lint"), tmp.resolve(".ansible-lint"));
        Command.Result r = Command.run(List.of("ansible-lint", "--nocolor", "roles/broken"), tmp,
                Map.of("NO_COLOR", "1"), Duration.ofMinutes(3), line -> { });
        assertThat(r.exitCode()).as("ansible-lint on a task without name and FQCN:\n%s", r.output()).isNotZero();
        assertThat(r.output()).contains("fqcn").contains("name[missing]");
    }
}
