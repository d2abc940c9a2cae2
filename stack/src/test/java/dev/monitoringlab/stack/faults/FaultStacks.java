package dev.monitoringlab.stack.faults;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.AlertmanagerApi;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.Waits;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the fault scenarios share: production settings on free ports, and polls with a deadline. */
final class FaultStacks {
    private FaultStacks() {
    }

    /** Production settings; only ports and the Discord URL differ, so several stacks can run side by side. */
    static MonitoringSettings settings(String discordUrl) {
        return MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                .with(Setting.DISCORD_WEBHOOK_URL, discordUrl);
    }

    /** Polls every 200 ms until {@code probe} gives a value, or fails naming {@code what} after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s");
    }

    /** Waits out a fault phase or an observation window: the time itself is what the scenario needs. */
    static void hold(Instant until) {
        Duration left = Duration.between(Instant.now(), until);
        if (!left.isNegative()) {
            Waits.pause(left);
        }
    }

    static Optional<PrometheusApi.Alert> prometheusAlert(PrometheusApi prom, String name, String state) {
        return prom.alerts().stream().filter(a -> a.name().equals(name) && a.state().equals(state)).findFirst();
    }

    /** The alert as Alertmanager holds it, if it is active there (an unreachable Alertmanager holds nothing). */
    static Optional<AlertmanagerApi.Alert> activeIn(AlertmanagerApi am, String name) {
        try {
            return am.alerts().stream().filter(a -> name.equals(a.name()) && a.state().equals("active")).findFirst();
        } catch (IllegalStateException unreachable) {
            return Optional.empty();
        }
    }

    static List<Message> firing(FakeDiscord discord, String alert) {
        return discord.messages().stream().filter(m -> FakeDiscord.title(m).startsWith("[FIRING")
                && FakeDiscord.title(m).contains(alert)).toList();
    }

    static List<Message> resolved(FakeDiscord discord, String alert) {
        return discord.messages().stream().filter(m -> FakeDiscord.title(m).startsWith("[RESOLVED")
                && FakeDiscord.title(m).contains(alert)).toList();
    }
}
