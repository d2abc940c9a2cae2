package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.MonitoringRules;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.AlertmanagerApi.PostableAlert;
import dev.monitoringlab.stack.AlertmanagerApi.Status;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.FakeAlertWebhook;
import dev.monitoringlab.stack.receivers.FakeSlack;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring watching itself, with the real Prometheus and Alertmanager from the generated configs: targets
 * that do not answer raise TargetDown (job and instance named, runbook linked) and reach the monitoring webhook,
 * the Watchdog reaches the heartbeat webhook every repeat interval, neither reaches the lab's Discord or Slack, and
 * the inhibition rules mute what they should in the real Alertmanager (amtool cannot test inhibition). Only 'for',
 * the heartbeat's repeat interval and the ports are shortened or moved.
 */
class SelfMonitoringIT {
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

    @TempDir
    Path work;

    @Test
    void downTargetsWatchdogHeartbeatsAndInhibition() {
        try (FakeDiscord discord = new FakeDiscord(); FakeSlack slack = new FakeSlack();
             FakeAlertWebhook heartbeat = new FakeAlertWebhook(); FakeAlertWebhook monitoring = new FakeAlertWebhook()) {
            int node = Ports.free();
            int store = Ports.free();
            MonitoringSettings s = MonitoringSettings.defaults()
                    .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                    .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                    .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                    // nothing listens on these: three jobs down
                    .with(Setting.NODE_TARGETS, "localhost:" + node)
                    .with(Setting.STORE_MODEL_PORT, String.valueOf(store))
                    .with(Setting.CADVISOR_ENABLED, "true")
                    .with(Setting.CADVISOR_TARGETS, "localhost:" + Ports.free())
                    .with(Setting.TARGET_DOWN_FOR, "5s")
                    .with(Setting.HEARTBEAT_REPEAT_INTERVAL, HEARTBEAT_EVERY.toSeconds() + "s")
                    .with(Setting.DISCORD_WEBHOOK_URL, discord.url())
                    .with(Setting.SLACK_WEBHOOK_URL, slack.url())
                    .with(Setting.HEARTBEAT_WEBHOOK_URL, heartbeat.url())
                    .with(Setting.MONITORING_WEBHOOK_URL, monitoring.url());
            // the mock stays below the threshold: no lab alert, so any Discord message would be a misrouted one
            try (NativeStack stack = NativeStack.builder(s).workDir(work).withModelMock("--values", "0.2").log(System.out)
                    .start()) {
                AlertmanagerApi am = stack.alertmanager();

                List<Status> down = await(am, l -> l.stream().filter(a -> a.name().equals("TargetDown")).count() == 3,
                        Duration.ofSeconds(60), "TargetDown for node, store_model and cadvisor").stream()
                        .filter(a -> a.name().equals("TargetDown")).toList();
                assertThat(down).extracting(a -> a.labels().get("job"))
                        .containsExactlyInAnyOrder("node", "store_model", "cadvisor");
                assertThat(down).allSatisfy(a -> assertThat(a.labels()).containsEntry("severity", "critical")
                        .containsEntry("component", "monitoring").containsKey("instance"));
                assertThat(am.alerts()).filteredOn(a -> a.name().equals("TargetDown")).allSatisfy(a -> assertThat(
                        a.annotations()).containsEntry("runbook_url", "docs/runbooks/TargetDown.md"));
                for (String job : List.of("node", "store_model", "cadvisor")) {
                    Message m = monitoring.await(x -> x.payload().path("status").asText().equals("firing")
                            && x.payload().path("alerts").path(0).path("labels").path("job").asText().equals(job),
                            Duration.ofSeconds(10));
                    assertThat(FakeAlertWebhook.alertNames(m)).containsExactly("TargetDown");
                    assertThat(m.payload().path("receiver").asText()).isEqualTo("monitoring");
                }
                Status nodeDown = down.stream().filter(a -> a.labels().get("job").equals("node")).findFirst().orElseThrow();
                assertThat(nodeDown.labels()).containsEntry("instance", "localhost:" + node);

                // The Watchdog fires at Prometheus's first evaluation, usually before Prometheus has discovered
                // Alertmanager: that notification is dropped (prometheus_notifications_dropped_total) and the alert is
                // resent after the resend delay (1m). So the first heartbeat comes about a minute after start.
                List<Message> beats = awaitHeartbeats(heartbeat, 3, Duration.ofSeconds(120));
                printHeartbeats(beats);
                for (int i = 1; i < beats.size(); i++) {
                    Duration gap = Duration.between(beats.get(i - 1).receivedAt(), beats.get(i).receivedAt());
                    // repeat_interval, checked at each group_interval (1 s) tick: 5 s to about 6 s, bounded loosely
                    assertThat(gap).as("gap between heartbeats").isBetween(HEARTBEAT_EVERY.minusMillis(500),
                            HEARTBEAT_EVERY.plusSeconds(5));
                }
                assertThat(beats).allSatisfy(m -> {
                    assertThat(FakeAlertWebhook.alertNames(m)).containsExactly(MonitoringRules.WATCHDOG);
                    assertThat(m.payload().path("status").asText()).isEqualTo("firing");
                    assertThat(m.payload().path("receiver").asText()).isEqualTo("heartbeat");
                });

                // a warning on the down store model: muted by its TargetDown; the same on another instance is not
                Map<String, String> storeWarning = Map.of("alertname", "StoreModelNoPredictions", "job", "store_model",
                        "instance", "localhost:" + store, "severity", "warning", "component", "monitoring");
                Map<String, String> elsewhere = with(storeWarning, "instance", "localhost:1");
                // a critical and a warning of one alert on one instance, and the warning on another instance
                Map<String, String> critical = Map.of("alertname", "InhibitionProbe", "instance", "a:1",
                        "severity", "critical", "component", "monitoring");
                Map<String, String> warning = with(critical, "severity", "warning");
                Map<String, String> warningElsewhere = with(warning, "instance", "b:1");
                am.post(List.of(posted(storeWarning), posted(elsewhere), posted(critical), posted(warning),
                        posted(warningElsewhere)));

                Status storeDown = down.stream().filter(a -> a.labels().get("job").equals("store_model")).findFirst()
                        .orElseThrow();
                List<Status> all = await(am, l -> find(l, warning).filter(a -> a.state().equals("suppressed")).isPresent()
                        && find(l, storeWarning).filter(a -> a.state().equals("suppressed")).isPresent(),
                        Duration.ofSeconds(20), "the two warnings suppressed");
                assertThat(find(all, storeWarning).orElseThrow().inhibitedBy()).containsExactly(storeDown.fingerprint());
                assertThat(find(all, warning).orElseThrow().inhibitedBy())
                        .containsExactly(find(all, critical).orElseThrow().fingerprint());
                for (Map<String, String> active : List.of(elsewhere, critical, warningElsewhere)) {
                    assertThat(find(all, active).orElseThrow().state()).as(active.toString()).isEqualTo("active");
                }
                assertThat(all).filteredOn(a -> a.name().equals("TargetDown") || a.name().equals("Watchdog"))
                        .as("TargetDown and Watchdog are never muted").allSatisfy(a -> assertThat(a.state()).isEqualTo("active"));

                assertThat(discord.messages()).as("nothing about the monitoring in the lab's Discord").isEmpty();
                assertThat(slack.messages()).as("nothing about the monitoring in the workshop's Slack").isEmpty();
                assertThat(heartbeat.rejections()).isEmpty();
                assertThat(monitoring.rejections()).isEmpty();
                assertThat(monitoring.messages()).as("the monitoring webhook gets no Watchdog")
                        .noneMatch(m -> FakeAlertWebhook.alertNames(m).contains(MonitoringRules.WATCHDOG));
            }
        }
    }

    private static PostableAlert posted(Map<String, String> labels) {
        return new PostableAlert(labels, Map.of("summary", "posted by the test"), "http://localhost/test");
    }

    private static Optional<Status> find(List<Status> alerts, Map<String, String> labels) {
        return alerts.stream().filter(a -> a.labels().equals(labels)).findFirst();
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> out = new java.util.HashMap<>(labels);
        out.put(name, value);
        return out;
    }

    private static List<Status> await(AlertmanagerApi am, Predicate<List<Status>> done, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        List<Status> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = am.statuses();
            if (done.test(last)) {
                return last;
            }
            Waits.pause(Duration.ofMillis(250));
        }
        throw new AssertionError(what + " not seen within " + timeout.toSeconds() + " s; Alertmanager holds " + last);
    }

    private static List<Message> awaitHeartbeats(FakeAlertWebhook heartbeat, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (heartbeat.messages().size() < count && Instant.now().isBefore(deadline)) {
            Waits.pause(Duration.ofMillis(200));
        }
        List<Message> beats = new ArrayList<>(heartbeat.messages());
        assertThat(beats).as("heartbeats within %d s; rejected: %s", timeout.toSeconds(), heartbeat.rejections())
                .hasSizeGreaterThanOrEqualTo(count);
        return beats;
    }

    private static void printHeartbeats(List<Message> beats) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < beats.size(); i++) {
            gaps.add(Duration.between(beats.get(i - 1).receivedAt(), beats.get(i).receivedAt()).toMillis());
        }
        System.out.println("Watchdog heartbeats: " + beats.size() + ", gaps (ms) with repeat_interval "
                + HEARTBEAT_EVERY.toSeconds() + " s: " + gaps);
    }
}
