package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The restart policy with the times of death given explicitly: a fake clock, no waiting. */
class RestartPolicyTest {
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
    private final RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(5));

    @Test
    void theDelayDoublesWithEachDeathInTheWindowUpToTheCap() {
        RestartPolicy capped = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 10, Duration.ofMinutes(5));
        RestartPolicy.Tracker t = capped.tracker();
        assertThat(t.died(T0).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.died(T0.plusSeconds(2)).delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.died(T0.plusSeconds(5)).delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.died(T0.plusSeconds(10)).delay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.died(T0.plusSeconds(16)).delay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theFifthDeathWithinFiveMinutesGivesUp() {
        RestartPolicy.Tracker t = policy.tracker();
        for (int i = 0; i < 4; i++) {
            RestartPolicy.Decision d = t.died(T0.plusSeconds(30L * i));
            assertThat(d.giveUp()).as("death %d", i + 1).isFalse();
            assertThat(d.deathsInWindow()).isEqualTo(i + 1);
        }
        RestartPolicy.Decision fifth = t.died(T0.plusSeconds(150));
        assertThat(fifth.giveUp()).isTrue();
        assertThat(fifth.deathsInWindow()).isEqualTo(5);
        assertThat(policy.describe(fifth.deathsInWindow())).isEqualTo("5 deaths within 5m");
    }

    @Test
    void deathsOlderThanTheWindowNoLongerCountAndTheDelayStartsSmallAgain() {
        RestartPolicy.Tracker t = policy.tracker();
        for (int i = 0; i < 4; i++) {
            t.died(T0.plusSeconds(10L * i));
        }
        // the fifth death comes once the first four are more than 5 minutes old: a process that ran quietly since
        RestartPolicy.Decision d = t.died(T0.plusSeconds(30).plus(Duration.ofMinutes(5)));
        assertThat(d.giveUp()).isFalse();
        assertThat(d.deathsInWindow()).isEqualTo(1);
        assertThat(d.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oneDeathAllowedMeansGiveUpAtOnce() {
        RestartPolicy once = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1));
        assertThat(once.tracker().died(T0).giveUp()).isTrue();
    }

    @Test
    void theDefaultsComeFromTheSettings() {
        RestartPolicy p = RestartPolicy.from(MonitoringSettings.defaults().with(Setting.LAUNCHER_GIVE_UP_DEATHS, "3")
                .with(Setting.LAUNCHER_RESTART_BACKOFF, "500ms"));
        assertThat(p).isEqualTo(new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 3, Duration.ofMinutes(5)));
    }

    @Test
    void aCapBelowTheFirstDelayIsRefusedInOneLine() {
        assertThatThrownBy(() -> RestartPolicy.from(MonitoringSettings.defaults()
                .with(Setting.LAUNCHER_RESTART_BACKOFF, "1m").with(Setting.LAUNCHER_RESTART_BACKOFF_MAX, "10s")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("launcher.restart-backoff-max must be at least launcher.restart-backoff")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aZeroDeathLimitIsNotASetting() {
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.LAUNCHER_GIVE_UP_DEATHS, "0"))
                .hasMessageContaining("launcher.give-up-deaths").hasMessageContaining("at least 1");
    }
}
