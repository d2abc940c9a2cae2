package dev.monitoringlab.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WithoutSecretsTest {

    @Test
    void theGrafanaPasswordUpShShowsOnceNeverReachesTheBuildLog() {
        String shown = "stack: Grafana admin password (user admin): 6tLqw8b0xV3ibNdzWAbaGHCY\nstack: next line\n";
        assertThat(ComposeStackIT.withoutSecrets(shown))
                .isEqualTo("stack: Grafana admin password (user admin): <not logged>\nstack: next line\n")
                .doesNotContain("6tLqw8b0xV3ibNdzWAbaGHCY");
    }
}
