package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {
    @Test
    void readsTheCaptureScriptsFormatSortedByStart() {
        List<Phase> p = Phases.parse(List.of(Phases.HEADER,
                "# a comment",
                "cpu,load 5m,alert,2026-11-21T06:05:00.000Z,2026-11-21T06:10:00.050Z",
                "cpu,load 2m,quiet,2026-11-21T06:00:00.000Z,2026-11-21T06:02:00.010Z",
                "store,faulty,alert,2026-11-21T06:12:00Z,2026-11-21T06:15:00Z"), "phases.csv");
        assertThat(p).extracting(Phase::name).containsExactly("load 2m", "load 5m", "faulty");
        assertThat(Phases.of(p, "cpu")).hasSize(2);
        assertThat(p.get(1).expectAlert()).isTrue();
        assertThat(p.get(0).end()).isEqualTo(Instant.parse("2026-11-21T06:02:00.010Z"));
    }

    @Test
    void eachMistakeIsOneLineNamingTheFileAndLine() {
        assertThatThrownBy(() -> Phases.parse(List.of("a,b"), "f.csv")).hasMessage(
                "f.csv:1: first line must be 'scenario,phase,expect,start,end'");
        assertThatThrownBy(() -> Phases.parse(List.of(Phases.HEADER, "cpu,x,maybe,2026-11-21T06:00:00Z,2026-11-21T06:01:00Z"),
                "f.csv")).hasMessageContaining("f.csv:2: expect must be 'alert' or 'quiet'");
        assertThatThrownBy(() -> Phases.parse(List.of(Phases.HEADER, "cpu,x,quiet,yesterday,2026-11-21T06:01:00Z"),
                "f.csv")).hasMessageContaining("f.csv:2: not an ISO-8601 instant");
        assertThatThrownBy(() -> Phases.parse(List.of(Phases.HEADER, "cpu,x,quiet,2026-11-21T06:02:00Z,2026-11-21T06:01:00Z"),
                "f.csv")).hasMessageContaining("f.csv:2: phase x ends");
        assertThatThrownBy(() -> Phases.parse(List.of(Phases.HEADER, "cpu,x,quiet"), "f.csv"))
                .hasMessageContaining("expected 5 comma-separated fields, got 3");
    }
}
