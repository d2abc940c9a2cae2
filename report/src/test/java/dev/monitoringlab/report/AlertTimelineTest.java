package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-21T13:37:40Z");

    /** The lab's own example timeline (7.5.2), as phases and one firing interval. */
    private static List<Phase> labSequence() {
        return List.of(
                new Phase("cpu", "load 2m", false, T0, T0.plusSeconds(120)),
                new Phase("cpu", "pause 3m", false, T0.plusSeconds(120), T0.plusSeconds(300)),
                new Phase("cpu", "load 5m", true, T0.plusSeconds(300), T0.plusSeconds(600)),
                new Phase("cpu", "after", false, T0.plusSeconds(600), T0.plusSeconds(660)));
    }

    @Test
    void alertDuringTheLongLoadGivesDelaysFromItsStartAndEnd() {
        Interval firing = new Interval(T0.plusSeconds(300 + 185), T0.plusSeconds(600 + 12));
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(firing), List.of());

        assertThat(t.events()).extracting(AlertTimeline.Event::what).containsExactly(
                "start load 2m", "end load 2m", "start pause 3m", "end pause 3m", "start load 5m",
                "HostHighCpuLoad firing in Prometheus", "end load 5m", "start after",
                "HostHighCpuLoad resolved in Prometheus", "end after");
        assertThat(t.events()).filteredOn(e -> e.what().contains("firing")).singleElement()
                .satisfies(e -> assertThat(e.delay()).isEqualTo("+3m05s after start load 5m"));
        assertThat(t.events()).filteredOn(e -> e.what().contains("resolved")).singleElement()
                .satisfies(e -> assertThat(e.delay()).isEqualTo("+12s after end load 5m"));
        assertThat(t.verdicts()).extracting(AlertTimeline.Verdict::asExpected).containsOnly(true);
        assertThat(t.verdicts().get(2).firstAfterStart()).contains(Duration.ofSeconds(185));
        assertThat(t.allAsExpected()).isTrue();
    }

    @Test
    void anAlertDuringTheShortLoadIsFlaggedAsNotExpected() {
        Interval early = new Interval(T0.plusSeconds(100), T0.plusSeconds(130));
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(early), List.of());
        assertThat(t.verdicts().get(0).alertsStarted()).isEqualTo(1);
        assertThat(t.verdicts().get(0).asExpected()).isFalse();
        assertThat(t.verdicts().get(2).asExpected()).as("no alert in the long load either").isFalse();
        assertThat(t.allAsExpected()).isFalse();
        assertThat(t.toMarkdown()).contains("**NO**");
    }

    @Test
    void notificationsAreEventsWithTheirOwnDelays() {
        Interval firing = new Interval(T0.plusSeconds(485), T0.plusSeconds(612));
        List<WebhookMessage> messages = List.of(
                new WebhookMessage("discord", T0.plusSeconds(486), "[FIRING:1] HostHighCpuLoad (host warning)"),
                new WebhookMessage("discord", T0.plusSeconds(613), "[RESOLVED] HostHighCpuLoad (host warning)"),
                new WebhookMessage("discord", T0.plusSeconds(50), "[FIRING:1] ModelMockHighAccuracy"));
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(firing), messages);
        assertThat(t.events()).filteredOn(e -> e.what().startsWith("discord message"))
                .extracting(AlertTimeline.Event::delay)
                .containsExactly("+3m06s after start load 5m", "+13s after end load 5m");
        assertThat(t.events()).noneMatch(e -> e.what().contains("ModelMock"));
    }

    @Test
    void anAlertStillFiringHasNoResolveEvent() {
        Interval open = new Interval(T0.plusSeconds(485), null);
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(open), List.of());
        assertThat(t.events()).noneMatch(e -> e.what().contains("resolved"));
    }

    @Test
    void markdownHasTheEventTableAndTheVerdictTable() {
        Interval firing = new Interval(T0.plusSeconds(485), T0.plusSeconds(612));
        String md = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(firing), List.of()).toMarkdown();
        assertThat(md).contains("| time (UTC) | since first event | event | delay |")
                .contains("| 13:37:40 | +0ms | start load 2m |  |")
                .contains("| 13:45:45 | +8m05s | HostHighCpuLoad firing in Prometheus | +3m05s after start load 5m |")
                .contains("| load 2m | 2m00s | no alert | no alert | yes |")
                .contains("| load 5m | 5m00s | alert | 1 alert(s), first +3m05s after start | yes |");
    }

    @Test
    void durationsReadLikeATimeline() {
        assertThat(AlertTimeline.human(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(AlertTimeline.human(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(AlertTimeline.human(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(AlertTimeline.human(Duration.ofSeconds(-5))).isEqualTo("-5s");
    }

    @Test
    void anAlertStartingExactlyWhenAPhaseStartsBelongsToThatPhaseNotTheOneBefore() {
        Interval onLongLoad = new Interval(T0.plusSeconds(300), T0.plusSeconds(600));
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(onLongLoad), List.of());
        assertThat(t.verdicts()).extracting(AlertTimeline.Verdict::alertsStarted).containsExactly(0, 0, 1, 0);
        assertThat(t.verdicts().get(2).firstAfterStart()).contains(Duration.ZERO);
        assertThat(t.allAsExpected()).isTrue();
        assertThat(t.events()).filteredOn(e -> e.what().contains("firing")).singleElement()
                .satisfies(e -> assertThat(e.delay()).isEqualTo("+0ms after start load 5m"));
        assertThat(t.events()).filteredOn(e -> e.what().contains("resolved")).singleElement()
                .satisfies(e -> assertThat(e.delay()).isEqualTo("+0ms after end load 5m"));

        Interval onPause = new Interval(T0.plusSeconds(120), T0.plusSeconds(150));
        AlertTimeline early = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(onPause), List.of());
        assertThat(early.verdicts()).extracting(AlertTimeline.Verdict::alertsStarted).containsExactly(0, 1, 0, 0);
        assertThat(early.verdicts()).extracting(AlertTimeline.Verdict::asExpected).containsExactly(true, false, false, true);
    }

    @Test
    void anAlertStartingAMillisecondBeforeABoundaryStaysInTheEarlierPhase() {
        Interval justBefore = new Interval(T0.plusSeconds(300).minusMillis(1), T0.plusSeconds(600));
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(justBefore), List.of());
        assertThat(t.verdicts()).extracting(AlertTimeline.Verdict::alertsStarted).containsExactly(0, 1, 0, 0);
    }

    @Test
    void anAlertStartingWhenTheLastPhaseEndsBelongsToNoPhase() {
        Interval late = new Interval(T0.plusSeconds(660), null);
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(late), List.of());
        assertThat(t.verdicts()).extracting(AlertTimeline.Verdict::alertsStarted).containsOnly(0);
    }

    @Test
    void aResolvedMessageArrivingExactlyAtTheEndOfTheLoadCountsFromThatEnd() {
        List<WebhookMessage> messages = List.of(
                new WebhookMessage("discord", T0.plusSeconds(600), "[RESOLVED] HostHighCpuLoad (host warning)"));
        AlertTimeline t = AlertTimeline.derive("HostHighCpuLoad", labSequence(), List.of(), messages);
        assertThat(t.events()).filteredOn(e -> e.what().startsWith("discord message")).singleElement()
                .satisfies(e -> assertThat(e.delay()).isEqualTo("+0ms after end load 5m"));
    }

    @Test
    void aPhaseHoldsItsStartButNotItsEnd() {
        Phase p = labSequence().get(0);
        assertThat(p.contains(p.start())).isTrue();
        assertThat(p.contains(p.end().minusMillis(1))).isTrue();
        assertThat(p.contains(p.end())).isFalse();
        assertThat(p.contains(p.start().minusMillis(1))).isFalse();
    }

    @Test
    void durationsChangeUnitExactlyAtOneSecondAndOneMinute() {
        assertThat(AlertTimeline.human(Duration.ofMillis(999))).isEqualTo("999ms");
        assertThat(AlertTimeline.human(Duration.ofMillis(1000))).isEqualTo("1s");
        assertThat(AlertTimeline.human(Duration.ofMillis(59_499))).isEqualTo("59s");
        assertThat(AlertTimeline.human(Duration.ofMillis(59_500))).isEqualTo("1m00s");
        assertThat(AlertTimeline.human(Duration.ofSeconds(60))).isEqualTo("1m00s");
        assertThat(AlertTimeline.human(Duration.ofSeconds(61))).isEqualTo("1m01s");
        assertThat(AlertTimeline.human(Duration.ofMillis(-1000))).isEqualTo("-1s");
        assertThat(AlertTimeline.human(Duration.ZERO)).isEqualTo("0ms");
    }
}
