package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

    @Test
    void parsesCompoundDurations() {
        assertThat(PromDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PromDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(PromDuration.parse("0s")).isZero();
    }

    @Test
    void formatsTheShortestPrometheusForm() {
        assertThat(PromDuration.format(Duration.ofSeconds(180))).isEqualTo("3m");
        assertThat(PromDuration.format(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(PromDuration.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void rejectsTextThatIsNotADuration() {
        assertThatThrownBy(() -> PromDuration.parse("5 seconds")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> PromDuration.parse("-5s")).hasMessageContaining("not a duration");
    }
}
