package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lab 7.4 end to end with the real Prometheus and Alertmanager: the mock plays a known sequence, Prometheus
 * scrapes it every 5 s and evaluates ModelMockHighAccuracy every 5 s, Alertmanager posts to a local endpoint
 * that answers like Discord. Production timings; only ports and the webhook URL are overridden. Each test runs on
 * Debian 12's binaries and on the current releases ({@link TestedVersions}), the two side by side: a stack is
 * idle between scrapes and evaluations, so two do not delay each other's alerts by seconds.
 */
class ModelMockAlertIT {
    private static final String VERSIONS = "dev.monitoringlab.stack.TestedVersions#distributions";

    /** One crossing above 0.75 every four values (20 s at the lab's 5 s interval). */
    private static final List<Double> SEQUENCE = List.of(0.2, 0.9, 0.3, 0.4);
    private static final int CROSSINGS = 5;

    @TempDir
    Path work;

    private static MonitoringSettings settings(String discordUrl) {
        return MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                .with(Setting.DISCORD_WEBHOOK_URL, discordUrl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void everyCrossingAboveTheThresholdReachesDiscordWithinElevenSeconds(Distribution distribution) throws IOException {
        System.out.println("ModelMockAlertIT on " + TestedVersions.describe(distribution));
        try (FakeDiscord discord = new FakeDiscord();
             NativeStack stack = NativeStack.builder(settings(discord.url())).workDir(work).distribution(distribution)
                     .withModelMock("--values", SEQUENCE.stream().map(String::valueOf).collect(Collectors.joining(",")))
                     .log(System.out).start()) {
            PrometheusApi prom = stack.prometheus();

            prom.awaitQuery("up{job=\"model_mock\"}", r -> r.size() == 1 && r.get(0).value() == 1, Duration.ofSeconds(20));
            assertThat(prom.targets()).filteredOn(t -> t.job().equals("model_mock"))
                    .singleElement().satisfies(t -> assertThat(t.health()).isEqualTo("up"));

            Message first = discord.await(m -> FakeDiscord.title(m).startsWith("[FIRING:1] ModelMockHighAccuracy"),
                    Duration.ofSeconds(40));
            assertThat(FakeDiscord.description(first)).contains("Model mock accuracy is very high")
                    .contains("Model mock accuracy is very high at 0.9");

            Instant until = Instant.now().plus(Duration.ofSeconds(20L * CROSSINGS + 15));
            while (firing(discord).size() < CROSSINGS && Instant.now().isBefore(until)) {
                Waits.pause(Duration.ofMillis(200));
            }
            List<Message> firing = firing(discord);
            assertThat(firing).as("one FIRING message per crossing; rejected: %s", discord.rejections())
                    .hasSizeGreaterThanOrEqualTo(CROSSINGS);

            List<Double> served = prom.queryRange("model_result", Instant.now().minusSeconds(120), Instant.now(),
                    Duration.ofSeconds(1)).get(0).points().stream().map(p -> p[1]).distinct().sorted().toList();
            assertThat(served).containsExactlyElementsOf(SEQUENCE.stream().sorted().toList());

            List<Long> latenciesMs = latencies(MockLog.crossings(MockLog.of(work), 0.75), firing);
            printLatencies(distribution, latenciesMs);
            assertThat(percentile(latenciesMs, 95)).as("p95 alert latency (ms)").isLessThanOrEqualTo(11_000);

            // Each new FIRING message means the previous firing had resolved (Alertmanager does not repeat an
            // unchanged alert within repeat_interval 1h), so resolutions happened: none may have been sent.
            AlertmanagerApi am = stack.alertmanager();
            Instant quiet = Instant.now().plusSeconds(30);
            while (am.alerts().stream().anyMatch(a -> a.name().equals("ModelMockHighAccuracy")) && Instant.now().isBefore(quiet)) {
                Waits.pause(Duration.ofMillis(100));
            }
            assertThat(discord.messages()).as("messages with send_resolved: false")
                    .noneMatch(m -> FakeDiscord.title(m).startsWith("[RESOLVED]"));
        }
    }

    private static List<Message> firing(FakeDiscord discord) {
        return discord.messages().stream().filter(m -> FakeDiscord.title(m).startsWith("[FIRING")).toList();
    }

    /** For each message, the delay since the latest crossing before it. */
    private static List<Long> latencies(List<Instant> crossings, List<Message> messages) {
        List<Long> out = new ArrayList<>();
        for (Message m : messages) {
            crossings.stream().filter(c -> !c.isAfter(m.receivedAt())).max(Comparator.naturalOrder())
                    .ifPresent(c -> out.add(Duration.between(c, m.receivedAt()).toMillis()));
        }
        return out;
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, idx));
    }

    private static void printLatencies(Distribution distribution, List<Long> ms) {
        System.out.printf("[" + distribution.id() + "] alert latency over %d crossings (mock sets > 0.75 -> Discord message): min %.1f s,"
                        + " median %.1f s, p95 %.1f s, max %.1f s (bound: scrape 5 s + evaluation 5 s + 1 s = 11 s)%n",
                ms.size(), ms.stream().min(Long::compare).orElse(0L) / 1000.0, percentile(ms, 50) / 1000.0,
                percentile(ms, 95) / 1000.0, ms.stream().max(Long::compare).orElse(0L) / 1000.0);
        System.out.println("latencies (ms): " + ms);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VERSIONS)
    @Execution(ExecutionMode.CONCURRENT)
    void withAForDurationTheAlertIsPendingBeforeItFires(Distribution distribution) {
        MonitoringSettings s = settings("http://127.0.0.1:9/unused").with(Setting.MODEL_MOCK_FOR, "10s");
        try (FakeDiscord discord = new FakeDiscord();
             NativeStack stack = NativeStack.builder(s.with(Setting.DISCORD_WEBHOOK_URL, discord.url()))
                     .workDir(work).distribution(distribution).withModelMock("--values", "0.1,0.9,0.9,0.9,0.9,0.9,0.9")
                     .start()) {
            PrometheusApi prom = stack.prometheus();
            PrometheusApi.Alert pending = awaitAlert(prom, "pending", Duration.ofSeconds(30));
            assertThat(discord.messages()).as("nothing is sent while pending").isEmpty();
            PrometheusApi.Alert firing = awaitAlert(prom, "firing", Duration.ofSeconds(30));
            assertThat(firing.activeAt()).isEqualTo(pending.activeAt());
            Message m = discord.await(x -> FakeDiscord.title(x).startsWith("[FIRING:1] ModelMockHighAccuracy"),
                    Duration.ofSeconds(10));
            assertThat(Duration.between(pending.activeAt(), m.receivedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    private static PrometheusApi.Alert awaitAlert(PrometheusApi prom, String state, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var hit = prom.alerts().stream().filter(a -> a.name().equals("ModelMockHighAccuracy") && a.state().equals(state))
                    .findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("ModelMockHighAccuracy never became " + state + "; alerts: " + prom.alerts());
    }
}
