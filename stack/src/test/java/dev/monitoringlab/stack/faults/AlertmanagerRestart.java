package dev.monitoringlab.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.StackFaults;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alertmanager restarted (SIGTERM, then the same command with the same --storage.path, as the launcher would)
 * while ModelMockHighAccuracy fires and its message has gone out; while it is down, HostHighCpuLoad starts
 * firing. Alertmanager keeps its notification log on disk but not the alerts: they come back when Prometheus
 * resends them, at most --rules.alert.resend-delay (1m) after its last send. The notification log then tells it
 * the first message already went out (no duplicate within repeat_interval), and the alert that began during the
 * downtime is sent once (not lost).
 */
final class AlertmanagerRestart {
    static final String MOCK_ALERT = "ModelMockHighAccuracy";
    static final String CPU_ALERT = "HostHighCpuLoad";
    /** Prometheus's default --rules.alert.resend-delay, which the launchers keep. */
    static final Duration RESEND_DELAY = Duration.ofMinutes(1);

    private AlertmanagerRestart() {
    }

    static void run(Path work, Distribution distribution) {
        Timeline t = new Timeline("Alertmanager restarted while an alert fires");
        try (FakeDiscord discord = new FakeDiscord(); SyntheticCpuHost host = new SyntheticCpuHost(work, distribution)) {
            // 5s instead of 3m: the CPU alert only has to begin while Alertmanager is down
            MonitoringSettings s = FaultStacks.settings(discord.url()).with(Setting.NODE_TARGETS, host.target())
                    .with(Setting.HOST_CPU_FOR, "5s");
            try (NativeStack stack = NativeStack.builder(s).workDir(work).distribution(distribution).withModelMock("--values", "0.9").start()) {
                t.mark("stack ready; the mock serves 0.9; the synthetic host is idle");
                Message first = discord.await(m -> FakeDiscord.title(m).startsWith("[FIRING:1] " + MOCK_ALERT),
                        Duration.ofSeconds(60));
                t.mark(first.receivedAt(), "ARRIVED: " + FakeDiscord.title(first));
                // stopped before it logs the notification, Alertmanager would rightly send it again after the restart
                t.mark(FaultStacks.await("the notification counted by Alertmanager", Duration.ofSeconds(10),
                        () -> notificationsSent(stack.alertmanager().base()) >= 1 ? Optional.of(Instant.now())
                                : Optional.empty()), "Alertmanager has finished sending it");

                StackFaults.stop(stack, "alertmanager");
                t.mark("injected: Alertmanager stopped (SIGTERM), data directory kept");
                host.busy(true);
                t.mark("injected: the synthetic host's CPU is busy");
                Instant cpuFiring = FaultStacks.await(CPU_ALERT + " firing in Prometheus", Duration.ofSeconds(60),
                        () -> FaultStacks.prometheusAlert(stack.prometheus(), CPU_ALERT, "firing").map(a -> Instant.now()));
                t.mark(cpuFiring, CPU_ALERT + " firing in Prometheus (Alertmanager still down)");
                StackFaults.startAgain(stack, "alertmanager", Duration.ofSeconds(60));
                Instant back = t.mark("Alertmanager ready again (same --storage.path)");

                Duration bound = RESEND_DELAY.plus(s.evaluationInterval()).plusSeconds(10);
                Instant mockBack = FaultStacks.await(MOCK_ALERT + " active again in Alertmanager", bound,
                        () -> FaultStacks.activeIn(stack.alertmanager(), MOCK_ALERT).map(a -> Instant.now()));
                t.mark(mockBack, MOCK_ALERT + " active again in Alertmanager");
                Instant cpuBack = FaultStacks.await(CPU_ALERT + " active in Alertmanager", bound,
                        () -> FaultStacks.activeIn(stack.alertmanager(), CPU_ALERT).map(a -> Instant.now()));
                t.mark(cpuBack, CPU_ALERT + " active in Alertmanager");
                Message cpu = discord.await(m -> FakeDiscord.title(m).startsWith("[FIRING:1] " + CPU_ALERT),
                        Duration.ofSeconds(20));
                // a duplicate would follow the alert's return at once (group_wait 0s) or at the next flushes
                FaultStacks.hold(latest(mockBack, cpu.receivedAt()).plusSeconds(15));

                List<Message> mock = FaultStacks.firing(discord, MOCK_ALERT);
                List<Message> cpuMessages = FaultStacks.firing(discord, CPU_ALERT);
                mock.stream().skip(1).forEach(m -> t.mark(m.receivedAt(), "ARRIVED AGAIN: " + FakeDiscord.title(m)));
                cpuMessages.forEach(m -> t.mark(m.receivedAt(), "ARRIVED: " + FakeDiscord.title(m)));
                t.result(String.format("%s active again %.1f s after Alertmanager was ready (resend delay %d s)",
                        MOCK_ALERT, seconds(back, mockBack), RESEND_DELAY.toSeconds()));
                t.result(String.format("%s (began during the downtime) delivered %.1f s after Alertmanager was ready",
                        CPU_ALERT, seconds(back, cpu.receivedAt())));
                t.result("lost: " + (cpuMessages.isEmpty() ? 1 : 0) + ", duplicated: "
                        + (Math.max(0, mock.size() - 1) + Math.max(0, cpuMessages.size() - 1)));
                t.print();

                assertThat(mock).as("no second %s message within repeat_interval", MOCK_ALERT).hasSize(1);
                assertThat(cpuMessages).as("the alert that began while Alertmanager was down").hasSize(1);
                assertThat(Duration.between(back, mockBack)).isLessThanOrEqualTo(bound);
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /**
     * Discord notifications Alertmanager has finished: its latency histogram observes one when the integration
     * returns, and the notification log records it right after, in the same pipeline. The webhook's receipt comes
     * earlier, before Alertmanager has even read the answer.
     */
    private static double notificationsSent(URI alertmanager) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(alertmanager.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines()
                    .filter(l -> l.startsWith("alertmanager_notification_latency_seconds_count{")
                            && l.contains("integration=\"discord\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
