package dev.monitoringlab.modelmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMockOptionsTest {

    @Test
    void defaultsAreTheLabsPortAndInterval() throws Exception {
        ModelMockOptions o = ModelMockOptions.parse();
        assertThat(o.port()).isEqualTo(9000);
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.values()).isEmpty();
    }

    @Test
    void parsesEveryFlagInBothForms() throws Exception {
        ModelMockOptions o = ModelMockOptions.parse("--port", "9100", "--interval=500ms", "--seed", "42",
                "--values", "0.2, 0.9,1");
        assertThat(o.port()).isEqualTo(9100);
        assertThat(o.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.seed()).hasValue(42);
        assertThat(o.values()).contains(List.of(0.2, 0.9, 1.0));
    }

    @Test
    void badFlagsGiveOneClearLine() {
        assertThatThrownBy(() -> ModelMockOptions.parse("--port", "abc"))
                .hasMessage("--port: 'abc' is not a port number 0-65535");
        assertThatThrownBy(() -> ModelMockOptions.parse("--interval", "0s"))
                .hasMessageContaining("--interval: '0s'");
        assertThatThrownBy(() -> ModelMockOptions.parse("--values", "0.2,1.5"))
                .hasMessage("--values: 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> ModelMockOptions.parse("--colour", "red"))
                .hasMessageStartingWith("unknown flag '--colour'");
        assertThatThrownBy(() -> ModelMockOptions.parse("--seed"))
                .hasMessage("--seed needs a value");
    }
}
