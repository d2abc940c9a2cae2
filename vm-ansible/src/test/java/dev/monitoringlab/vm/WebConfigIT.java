package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node_exporter role's web configuration file (tasks/web_config_file.yml), written into a folder of this
 * machine instead of a host's /etc/node_exporter: a random bcrypt salt made once and kept, the hash built from
 * it, a second run that changes nothing and shows neither hash nor salt with --diff, and rate_limit only for an
 * exporter that reads it. The role runs from a copy whose handler only prints, so no service is restarted here.
 */
class WebConfigIT {
    private static final String PASSWORD = "a-long-enough-password";
    private static final Pattern HASH = Pattern.compile("prometheus: '(\\$2[aby]\\$04\\$([./A-Za-z0-9]{22})[./A-Za-z0-9]{31})'");

    @TempDir
    Path tmp;

    @Test
    void aRandomSaltIsMadeOnceKeptOnTheHostAndASecondRunChangesNothing() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc-a"));
        Command.Result first = run(etc, Map.of(), false);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(AnsibleRecap.parse(first.output()).get("localhost")).containsEntry("changed", 2);

        Path saltFile = etc.resolve("basic-auth.salt");
        String salt = Files.readString(saltFile).trim();
        assertThat(salt).matches("[A-Za-z0-9]{21}e");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saltFile))).isEqualTo("rw-------");
        String config = Files.readString(etc.resolve("web-config.yml"));
        Matcher m = HASH.matcher(config);
        assertThat(m.find()).as("a bcrypt hash of cost 4 in%n%s", config).isTrue();
        assertThat(m.group(2)).as("the hash's salt is the one kept on the host").isEqualTo(salt);
        assertThat(bcryptChecks(PASSWORD, m.group(1))).as("the hash verifies the password").isTrue();
        assertThat(bcryptChecks("not-the-password", m.group(1))).as("and no other").isFalse();
        assertThat(config).as("no rate_limit for this machine's exporter (Debian 12's 1.5 refuses it) or none")
                .doesNotContain("rate_limit");

        Command.Result second = run(etc, Map.of(), true);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(AnsibleRecap.parse(second.output()).get("localhost")).containsEntry("changed", 0);
        assertThat(second.output()).as("--diff shows neither the hash nor the salt").doesNotContain(m.group(1), salt);
        assertThat(Files.readString(etc.resolve("web-config.yml"))).isEqualTo(config);

        Path other = Files.createDirectories(tmp.resolve("etc-b"));
        assertThat(run(other, Map.of(), false).exitCode()).isZero();
        assertThat(Files.readString(other.resolve("basic-auth.salt")).trim()).as("another host, another salt")
                .isNotEqualTo(salt);
    }

    @Test
    void anExporterThatReadsRateLimitGetsItInItsWebConfiguration() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Command.Result r = run(etc, Map.of("node_exporter_rate_limit_min_version", "0"), false);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(Files.readString(etc.resolve("web-config.yml")))
                .contains("\nrate_limit:\n  interval: 100ms\n  burst: 20\n");
    }

    private Command.Result run(Path configDir, Map<String, String> vars, boolean diff) throws IOException {
        Command.require("ansible-playbook", "ansible");
        Path roles = tmp.resolve("roles");
        if (!Files.exists(roles)) {
            copyRole(Path.of("roles", "node_exporter").toAbsolutePath(), roles.resolve("node_exporter"));
            Files.writeString(tmp.resolve("web-config.yml"), """
                    - name: The node_exporter role's web configuration file only
                      hosts: localhost
                      connection: local
                      gather_facts: true
                      gather_subset: [min]
                      tasks:
                        - name: Write it
                          ansible.builtin.include_role:
                            name: node_exporter
                            tasks_from: web_config_file.yml
                    """);
        }
        StringBuilder extra = new StringBuilder("{\"node_exporter_config_dir\": \"" + configDir + "\", "
                + "\"_node_exporter_group\": \"0\", \"node_exporter_basic_auth_password\": \"" + PASSWORD + "\", "
                + "\"node_exporter_basic_auth_bcrypt_rounds\": 4");
        vars.forEach((k, v) -> extra.append(", \"").append(k).append("\": \"").append(v).append('"'));
        extra.append('}');
        List<String> cmd = new java.util.ArrayList<>(List.of("ansible-playbook", "web-config.yml", "-e", extra.toString()));
        if (diff) {
            cmd.add("--diff");
        }
        return Command.run(cmd, tmp, Map.of("ANSIBLE_ROLES_PATH",
                // the copy first; the role it depends on (epel) from the repository
                roles + ":" + Path.of("roles").toAbsolutePath(), "ANSIBLE_NOCOLOR", "1"),
                Duration.ofMinutes(2), line -> { });
    }

    /** The role as it is, but its handlers only print: nothing on this machine is restarted. */
    private static void copyRole(Path from, Path to) throws IOException {
        TestFiles.copyTree(from, to);
        Files.writeString(to.resolve("handlers/main.yml"), """
                ---
                - name: Restart node exporter
                  listen: restart node exporter
                  ansible.builtin.debug:
                    msg: the node exporter would restart here
                """);
    }

    private boolean bcryptChecks(String password, String hash) throws IOException {
        Command.Result r = Command.run(List.of("python3", "-c",
                // crypt(3) of Debian's libxcrypt does bcrypt, as Ansible's own fallback does
                "import warnings, sys; warnings.simplefilter('ignore'); import crypt;"
                        + " print(crypt.crypt(sys.argv[1], sys.argv[2]) == sys.argv[2])", password, hash),
                tmp, Map.of(), Duration.ofSeconds(30), line -> { });
        return r.exitCode() == 0 && r.output().trim().equals("True");
    }
}
