package dev.monitoringlab.modelmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMockOptionsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return Cli.run(new ModelMockMain(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void defaultsAreTheLabsPortAndInterval() {
        ModelMockOptions o = ModelMockOptions.parse();
        assertThat(o.port()).isEqualTo(9000);
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.values()).isEmpty();
        assertThat(o.seed()).isEmpty();
    }

    @Test
    void parsesEveryFlagInBothForms() {
        ModelMockOptions o = ModelMockOptions.parse("--port", "9100", "--interval=500ms", "--seed", "42",
                "--values", "0.2, 0.9,1", "--host", "127.0.0.1");
        assertThat(o.port()).isEqualTo(9100);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.seed()).hasValue(42);
        assertThat(o.values()).contains(List.of(0.2, 0.9, 1.0));
    }

    @Test
    void badFlagsGiveOneClearLine() {
        assertThatThrownBy(() -> ModelMockOptions.parse("--port", "abc"))
                .hasMessageContaining("--port").hasMessageContaining("'abc' is not a port number 0-65535");
        assertThatThrownBy(() -> ModelMockOptions.parse("--interval", "0s"))
                .hasMessageContaining("--interval").hasMessageContaining("'0s'");
        assertThatThrownBy(() -> ModelMockOptions.parse("--interval", "5ms"))
                .hasMessageContaining("shorter than 10ms");
        assertThatThrownBy(() -> ModelMockOptions.parse("--values", "0.2,1.5"))
                .hasMessageContaining("1.5 is outside [0, 1]");
        assertThatThrownBy(() -> ModelMockOptions.parse("--colour", "red"))
                .hasMessageContaining("'--colour'");
        assertThatThrownBy(() -> ModelMockOptions.parse("--seed"))
                .hasMessageContaining("--seed");
    }

    @Test
    void theMainPrintsOneLineAndExits2OnABadFlag() {
        assertThat(main("--port", "70000")).isEqualTo(Cli.USAGE);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).startsWith("modelmock: ").contains("'70000' is not a port number").doesNotContain("\tat ");
        assertThat(e.lines()).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpListsEveryFlagWithItsDefaultAndExits0() {
        assertThat(main("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--port", "default 9000", "--host", "--interval", "default 5s", "--seed", "--values");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
