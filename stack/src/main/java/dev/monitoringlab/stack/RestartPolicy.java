package dev.monitoringlab.stack;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.PromDuration;
import dev.monitoringlab.settings.Setting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When the native launcher starts a dead process again, and when it gives up on it: compose's restart policy
 * (a delay that doubles with each death, up to a cap) plus a limit, so a process that cannot run (a bad config,
 * a port taken) is not restarted forever. Only deaths within the window count: a process that ran quietly for
 * longer starts again after the shortest delay. Pure: the caller passes the time of each death.
 */
record RestartPolicy(Duration backoff, Duration maxBackoff, int giveUpDeaths, Duration window) {
    RestartPolicy {
        if (backoff.isNegative() || backoff.isZero() || maxBackoff.compareTo(backoff) < 0 || giveUpDeaths < 1
                || window.isNegative() || window.isZero()) {
            throw new StackException("restart policy: backoff " + backoff + " up to " + maxBackoff + ", give up after "
                    + giveUpDeaths + " deaths in " + window + " is not a policy (" + Setting.LAUNCHER_RESTART_BACKOFF_MAX.key()
                    + " must be at least " + Setting.LAUNCHER_RESTART_BACKOFF.key() + ")");
        }
    }

    static RestartPolicy from(MonitoringSettings s) {
        return new RestartPolicy(s.duration(Setting.LAUNCHER_RESTART_BACKOFF), s.duration(Setting.LAUNCHER_RESTART_BACKOFF_MAX),
                (int) s.number(Setting.LAUNCHER_GIVE_UP_DEATHS), s.duration(Setting.LAUNCHER_GIVE_UP_WINDOW));
    }

    /** What to do after a death: start again after {@code delay}, or give up ({@code delay} is then null). */
    record Decision(int deathsInWindow, Duration delay) {
        boolean giveUp() {
            return delay == null;
        }
    }

    /** The deaths of one process. */
    Tracker tracker() {
        return new Tracker();
    }

    /** "5 deaths within 5m", for the lines the launcher prints. */
    String describe(int deaths) {
        return deaths + (deaths == 1 ? " death" : " deaths") + " within " + PromDuration.format(window);
    }

    final class Tracker {
        private final Deque<Instant> deaths = new ArrayDeque<>();

        Decision died(Instant at) {
            deaths.addLast(at);
            while (!deaths.isEmpty() && !deaths.peekFirst().isAfter(at.minus(window))) {
                deaths.removeFirst();
            }
            int n = deaths.size();
            if (n >= giveUpDeaths) {
                return new Decision(n, null);
            }
            // 1, 2, 4 ... times the backoff; the shift is bounded so the product cannot overflow
            Duration delay = backoff.multipliedBy(1L << Math.min(n - 1, 30));
            return new Decision(n, delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
        }
    }
}
