package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The node_exporter role's preflight refuses contradictory secure-mode settings before it touches a host. Runs
 * only the preflight tag on this machine, with a Debian/systemd host's facts given, so no VM is needed.
 */
class PreflightIT {
    private final Path roles = Path.of("roles").toAbsolutePath();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "password too short | \"node_exporter_basic_auth_password\": \"short\", \"node_exporter_tls_ca_dir\": \"/ca\" | password (at least 12 characters)",
        "certificate without key | \"node_exporter_tls_cert_src\": \"/c.crt\" | not both and not neither",
        "CA and own certificate | \"node_exporter_tls_ca_dir\": \"/ca\", \"node_exporter_tls_cert_src\": \"/c.crt\", \"node_exporter_tls_key_src\": \"/c.key\" | not both and not neither",
        "no certificate source | \"node_exporter_tls_ca_dir\": \"\" | not both and not neither",
        "valid secure settings | \"node_exporter_tls_ca_dir\": \"/ca\" | ",
        "lab mode needs neither | \"node_exporter_secure\": false, \"node_exporter_basic_auth_password\": \"\" | "})
    void contradictorySettingsStopBeforeAnythingChanges(String name, String vars, String refusal, @TempDir Path tmp)
            throws Exception {
        Command.require("ansible-playbook", "ansible");
        Files.writeString(tmp.resolve("preflight.yml"), """
                - name: Preflight of the node_exporter role only
                  hosts: localhost
                  connection: local
                  gather_facts: false
                  roles:
                    - role: node_exporter
                """);
        String extra = "{\"ansible_facts\": {\"os_family\": \"Debian\", \"service_mgr\": \"systemd\", "
                + "\"distribution\": \"Debian\"}, \"node_exporter_basic_auth_password\": \"a-long-enough-password\", "
                + vars + "}";
        Command.Result r = Command.run(List.of("ansible-playbook", "preflight.yml", "--tags", "node_exporter_preflight",
                "-e", extra), tmp, Map.of("ANSIBLE_ROLES_PATH", roles.toString(), "ANSIBLE_NOCOLOR", "1"),
                Duration.ofMinutes(2), line -> { });
        if (refusal == null) {
            assertThat(r.exitCode()).as("%s passes the preflight:%n%s", name, r.output()).isZero();
        } else {
            assertThat(r.exitCode()).as("%s is refused:%n%s", name, r.output()).isNotZero();
            assertThat(r.output()).contains(refusal);
        }
    }
}
