package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogTest {
    @Test
    void printsEachEventWithItsDelayFromTheNamedOne() {
        Instant start = Instant.parse("2026-11-21T13:42:40Z");
        String table = new EventLog()
                .add("load start", start, null)
                .add("FIRING on Discord", start.plusSeconds(231), "load start")
                .add("load end", start.plusSeconds(300), "load start")
                .add("RESOLVED on Discord", start.plusMillis(306_400), "load end")
                .table();
        assertThat(table.lines()).containsExactly(
                "event                        UTC       delay",
                "load start                   13:42:40  ",
                "FIRING on Discord            13:46:31  3m51.0s after load start",
                "load end                     13:47:40  5m00.0s after load start",
                "RESOLVED on Discord          13:47:46  6.4s after load end");
    }

    @Test
    void formatsDurations() {
        assertThat(EventLog.format(Duration.ofMillis(9_560))).isEqualTo("9.5s");
        assertThat(EventLog.format(Duration.ofSeconds(200))).isEqualTo("3m20.0s");
    }

    @Test
    void delayFromAnUnknownEventIsAnError() {
        assertThatThrownBy(() -> new EventLog().add("alert", Instant.EPOCH, "load start"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("load start");
    }
}
