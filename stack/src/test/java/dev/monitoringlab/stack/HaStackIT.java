package dev.monitoringlab.stack;

import static dev.monitoringlab.stack.Episodes.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.Episodes.Episode;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The highly available stack live, with production timings (5 s scrape and evaluation, 1 s group interval, 500 ms peer timeout): two
 * Prometheus replicas, two gossiping Alertmanagers and VictoriaMetrics, one stack shared by the checks in order.
 * The mock crosses the threshold once every 20 s, alternately for one value (a spike, 5 s, as in the lab) and for
 * two (10 s); each crossing is one alert episode, and a local Discord look-alike counts the messages of each.
 * A spike is seen by each replica in one scrape, not always at the same moment: when one replica's alert has
 * resolved before the other's fires, Alertmanager sees two episodes and notifies twice, which is measured and
 * printed. An episode that lasts two evaluations overlaps on both replicas and must bring exactly one message.
 * Every check prints its timeline.
 * <p>The class mostly waits for 20-second episodes, so it runs beside the other live tests of this module (its own
 * ports and directory; see junit-platform.properties); its checks run one after the other, in order, on its thread.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaStackIT {
    /** A spike (one value above 0.75), then an episode of two values, each 20 s after the previous one. */
    private static final String SEQUENCE = "0.2,0.9,0.3,0.4,0.2,0.9,0.9,0.3";
    private static final Duration EPISODE = Duration.ofSeconds(20);
    /** VictoriaMetrics' dedup interval is the scrape interval. */
    private static final long SCRAPE_SECONDS = MonitoringSettings.defaults().scrapeInterval().toSeconds();

    @TempDir
    static Path work;
    private FakeDiscord discord;
    private HaStack stack;
    private Episodes episodes;

    @BeforeAll
    void start() {
        discord = new FakeDiscord();
        MonitoringSettings s = MonitoringSettings.defaults();
        for (Setting port : List.of(Setting.PROMETHEUS_PORT, Setting.HA_PROMETHEUS_PORT_B, Setting.ALERTMANAGER_PORT,
                Setting.HA_ALERTMANAGER_PORT_B, Setting.HA_ALERTMANAGER_CLUSTER_PORT, Setting.HA_ALERTMANAGER_CLUSTER_PORT_B,
                Setting.VICTORIA_METRICS_PORT, Setting.MODEL_MOCK_PORT, Setting.NODE_EXPORTER_PORT)) {
            s = s.with(port, String.valueOf(Ports.free()));
        }
        s = s.with(Setting.NODE_TARGETS, "localhost:" + s.port(Setting.NODE_EXPORTER_PORT))
                .with(Setting.DISCORD_WEBHOOK_URL, discord.url());
        stack = NativeStack.builder(s).workDir(work).withModelMock("--values", SEQUENCE).log(System.out)
                .startHighlyAvailable();
        episodes = new Episodes(work.resolve("data/logs/modelmock.log"), s.modelMockThreshold(), discord);
        episodes.event("stack started");
        // a peer holds its notifications until the gossip has settled (about 10 s after it starts)
        for (String peer : List.of("a", "b")) {
            awaitTrue(() -> settled(stack.alertmanager(peer)), Duration.ofSeconds(60),
                    "alertmanager-" + peer + " sees both peers and has settled");
        }
        episodes.event("both Alertmanagers list two peers, gossip settled");
        for (String r : List.of("a", "b")) {
            stack.prometheus(r).awaitQuery("up{job=\"model_mock\"}", q -> q.size() == 1 && q.get(0).value() == 1,
                    Duration.ofSeconds(30));
        }
        episodes.event("both replicas scrape the mock");
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        discord.close();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(1)
    void oneMessagePerEpisodeWithTwoReplicasAndTwoAlertmanagers() {
        List<Episode> seen = episodes.await(4, Instant.now(), EPISODE.multipliedBy(7));
        episodes.print("2 Prometheus x 2 Alertmanagers, " + seen.size() + " episodes");
        report("messages per episode", seen);
        assertOncePerEpisode(seen, 2);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(2)
    void aSilenceOnOnePeerHoldsOnTheSurvivorAndTheNextEpisodesAreNotifiedOnce() {
        AlertmanagerApi a = stack.alertmanager("a");
        AlertmanagerApi b = stack.alertmanager("b");
        String silence = Silences.create(a, Episodes.ALERT, Instant.now().plus(Duration.ofMinutes(10)), "maintenance");
        episodes.event("silence " + silence + " created on alertmanager-a");
        Instant gossiped = awaitTrue(() -> b.activeSilences().contains(silence), Duration.ofSeconds(30),
                "the silence reaches alertmanager-b");
        episodes.event(gossiped, "alertmanager-b holds the silence (gossip)");

        Instant killed = Instant.now();
        stack.kill(HaStack.alertmanagerName("a"));
        episodes.event(killed, "alertmanager-a killed (SIGKILL)");
        Instant alone = awaitTrue(() -> b.cluster().peers().size() == 1, Duration.ofSeconds(60),
                "alertmanager-b notices that its peer is gone");
        episodes.event(alone, "alertmanager-b lists one peer");

        List<Episode> silenced = episodes.await(2, killed, EPISODE.multipliedBy(4));
        awaitTrue(() -> b.alertStates().stream().anyMatch(s -> s.name().equals(Episodes.ALERT)
                && s.state().equals("suppressed") && s.silencedBy().contains(silence)), EPISODE.multipliedBy(2),
                "alertmanager-b shows the alert suppressed by the silence");
        episodes.event("alertmanager-b shows " + Episodes.ALERT + " suppressed by " + silence);
        Silences.expire(b, silence);
        Instant expired = Instant.now();
        episodes.event(expired, "silence expired on alertmanager-b");

        List<Episode> after = episodes.await(2, expired.plusSeconds(1), EPISODE.multipliedBy(4));
        episodes.print("alertmanager-a killed with a silence in place");
        System.out.printf("failover: alertmanager-b noticed the loss of its peer %.1f s after the kill%n",
                Episodes.millis(killed, alone) / 1000.0);
        report("silenced episodes on the survivor", silenced);
        report("episodes after the silence expired, survivor alone", after);
        assertThat(discord.messages()).as("no message while silenced")
                .noneMatch(m -> m.receivedAt().isAfter(killed) && m.receivedAt().isBefore(expired));
        assertThat(silenced).allSatisfy(e -> assertThat(e.count()).isZero());
        assertOncePerEpisode(after, 2);

        stack.start(HaStack.alertmanagerName("a"));
        Instant restarted = Instant.now();
        episodes.event(restarted, "alertmanager-a started again");
        // a restarted peer holds its notifications until its gossip settles; one held across a resolution would
        // go out as a stale FIRING, so the next checks start from a settled cluster
        Instant settled = awaitTrue(() -> settled(a) && settled(b), Duration.ofSeconds(90), "alertmanager-a rejoins, settled");
        episodes.event(settled, "alertmanager-a rejoined, gossip settled");
        episodes.print("alertmanager-a back");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(3)
    void aKilledReplicaLeavesAlertsFiringAndVictoriaMetricsWithoutAGapOrADuplicate() {
        Instant killed = Instant.now();
        stack.kill(HaStack.prometheusName("a"));
        episodes.event(killed, "prometheus-a killed (SIGKILL)");
        List<Episode> alone = episodes.await(2, killed, EPISODE.multipliedBy(4));
        stack.start(HaStack.prometheusName("a"));
        Instant restarted = Instant.now();
        episodes.event(restarted, "prometheus-a restarted and ready");
        stack.prometheus("a").awaitQuery("up{job=\"model_mock\"}", q -> q.size() == 1 && q.get(0).value() == 1,
                Duration.ofSeconds(30));
        // the period read back ends once both replicas write again and VictoriaMetrics shows a sample after it
        PrometheusApi vm = stack.victoriaMetrics();
        Instant end = restarted.plusSeconds(10);
        awaitTrue(() -> vm.samples("model_result", Duration.ofSeconds(30), Instant.now()).stream()
                        .anyMatch(r -> r.points().get(r.points().size() - 1)[0] > end.getEpochSecond()),
                Duration.ofSeconds(60), "VictoriaMetrics shows samples after " + end);
        Instant from = killed.minusSeconds(30);
        Duration window = Duration.between(from, end);
        List<PrometheusApi.RangeSeries> series = vm.samples("model_result", window, end);
        episodes.print("prometheus-a killed and restarted");
        report("episodes with one replica", alone);
        assertOncePerEpisode(alone, 1);
        assertThat(series).as("one model_result series in VictoriaMetrics, not one per replica").hasSize(1);
        List<double[]> points = series.get(0).points();
        double maxGap = 0;
        for (int i = 1; i < points.size(); i++) {
            maxGap = Math.max(maxGap, points.get(i)[0] - points.get(i - 1)[0]);
        }
        long expected = window.toSeconds() / SCRAPE_SECONDS;
        System.out.printf("VictoriaMetrics over %d s around the outage: %d samples (one replica alone: %d), largest gap"
                + " %.1f s%n", window.toSeconds(), points.size(), expected, maxGap);
        assertThat(maxGap).as("largest gap between samples (s)").isLessThanOrEqualTo(10.0);
        assertThat((long) points.size()).as("samples after dedup").isBetween(expected - 2, expected + 2);
        assertThat(vm.query("count by (job, instance) (up) > 1")).as("targets with more than one up series").isEmpty();
        assertThat(vm.query("count(up{replica!=\"\"})")).as("series with a replica label").isEmpty();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(4)
    void victoriaMetricsDownForThirtySecondsGetsEverySampleOfTheOutage() {
        PrometheusApi vm = stack.victoriaMetrics();
        Instant down = Instant.now();
        stack.stop(HaStack.VICTORIA_METRICS);
        episodes.event(down, "victoria-metrics stopped (SIGTERM)");
        String pending = "sum(prometheus_remote_storage_samples_pending)";
        while (Duration.between(down, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            episodes.event("pending remote-write samples: a " + value(stack.prometheus("a"), pending) + ", b "
                    + value(stack.prometheus("b"), pending));
            Waits.pause(Duration.ofSeconds(5));
        }
        stack.start(HaStack.VICTORIA_METRICS);
        Instant up = Instant.now();
        episodes.event(up, "victoria-metrics started again and ready");

        Duration outage = Duration.between(down, up);
        java.util.Set<Long> scraped = intervals(stack.prometheus("b"), down, up);
        Instant caughtUp = awaitTrue(() -> intervals(vm, down, up).containsAll(scraped), Duration.ofSeconds(120),
                "VictoriaMetrics holds a sample for each of the outage's " + scraped.size() + " scrape intervals");
        episodes.event(caughtUp, "VictoriaMetrics holds the outage's samples");
        String lag = "max(prometheus_remote_storage_highest_timestamp_in_seconds - ignoring(remote_name, url)"
                + " group_right prometheus_remote_storage_queue_highest_sent_timestamp_seconds)";
        Instant lagLow = awaitTrue(() -> value(stack.prometheus("a"), lag) < 10 && value(stack.prometheus("b"), lag) < 10,
                Duration.ofSeconds(120), "remote-write lag under 10 s on both replicas");
        episodes.event(lagLow, "remote-write lag: a " + value(stack.prometheus("a"), lag) + " s, b "
                + value(stack.prometheus("b"), lag) + " s");
        java.util.Set<Long> got = intervals(vm, down, up);
        long lost = scraped.stream().filter(i -> !got.contains(i)).count();
        episodes.print("victoria-metrics down for " + outage.toSeconds() + " s");
        System.out.printf("outage %d s: prometheus-b scraped model_result in %d whole scrape intervals, VictoriaMetrics has"
                        + " a sample in %d of them after catching up (lost %d); caught up %.1f s after the restart%n",
                outage.toSeconds(), scraped.size(), scraped.size() - lost, lost, Episodes.millis(up, caughtUp) / 1000.0);
        assertThat(lost).as("scrape intervals of the outage missing in VictoriaMetrics").isZero();
        assertThat((long) scraped.size()).as("scrape intervals prometheus-b covered during the outage")
                .isGreaterThanOrEqualTo(outage.toSeconds() / SCRAPE_SECONDS - 2);
    }

    /**
     * VictoriaMetrics, the mock, one Prometheus replica and one Alertmanager, each killed from outside in turn (SIGKILL,
     * as the OOM killer would, not through the stack): the launcher's supervisor starts the killed one again within a
     * minute, every other process keeps its pid, and the alert still reaches Discord once per episode meanwhile.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(5)
    void eachProcessKilledFromOutsideIsStartedAgainWhileTheOthersKeepRunning() {
        List<String> victims = List.of(HaStack.VICTORIA_METRICS, "modelmock", HaStack.prometheusName("b"),
                HaStack.alertmanagerName("b"));
        List<String> summary = new java.util.ArrayList<>();
        for (String victim : victims) {
            java.util.Map<String, Long> before = pids();
            long old = before.get(victim);
            Instant killed = Instant.now();
            ProcessHandle.of(old).ifPresent(ProcessHandle::destroyForcibly);
            episodes.event(killed, victim + " (pid " + old + ") killed from outside (SIGKILL)");
            // a minute; the mock is a JVM that must also warm up before it answers: 90 s for it
            Duration allowed = Duration.ofSeconds(victim.equals("modelmock") ? 90 : 60);
            Instant back = awaitTrue(() -> stack.names().contains(victim) && stack.pid(victim) != old && stack.ready(victim),
                    allowed, victim + " started again by the supervisor and ready");
            episodes.event(back, victim + " started again (pid " + stack.pid(victim) + ") and ready");
            if (victim.startsWith("alertmanager")) {
                // as after any restart of a peer: the next checks start from a settled cluster
                episodes.event(awaitTrue(() -> settled(stack.alertmanager("a")) && settled(stack.alertmanager("b")),
                        Duration.ofSeconds(90), "both Alertmanagers settled again"), "gossip settled again");
            }
            List<Episode> meanwhile = episodes.await(1, killed, EPISODE.multipliedBy(3));
            if (meanwhile.get(0).spike()) {
                meanwhile = episodes.await(2, killed, EPISODE.multipliedBy(4));
            }
            java.util.Map<String, Long> after = pids();
            episodes.print(victim + " killed from outside");
            summary.add(String.format(java.util.Locale.ROOT, "%s killed: back and ready after %.1f s; FIRING messages"
                    + " per episode since the kill %s", victim, Episodes.millis(killed, back) / 1000.0,
                    meanwhile.stream().map(e -> e.count() + (e.spike() ? " (spike)" : "")).toList()));
            assertThat(after).as("every process still runs after %s was killed", victim).containsOnlyKeys(before.keySet());
            before.remove(victim);
            after.remove(victim);
            assertThat(after).as("pids of the other processes after %s was killed and started again", victim)
                    .isEqualTo(before);
            assertThat(after.values()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .contains(true));
            assertOncePerEpisode(meanwhile, 2);
            assertThat(meanwhile).as("an episode of two values since %s was killed, notified exactly once", victim)
                    .anySatisfy(e -> {
                        assertThat(e.spike()).isFalse();
                        assertThat(e.count()).isEqualTo(1);
                    });
        }
        summary.forEach(System.out::println);
    }

    private java.util.Map<String, Long> pids() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        stack.names().forEach(name -> out.put(name, stack.pid(name)));
        return out;
    }

    /**
     * The scrape intervals (VictoriaMetrics' dedup intervals, aligned to the epoch) lying wholly inside [from, to] that
     * hold a sample of model_result: the same set from a replica and from the deduplicating store means nothing lost.
     */
    private static java.util.Set<Long> intervals(PrometheusApi api, Instant from, Instant to) {
        long first = Math.floorDiv(from.getEpochSecond(), SCRAPE_SECONDS) + 1;
        long last = Math.floorDiv(to.getEpochSecond(), SCRAPE_SECONDS) - 1;
        java.util.Set<Long> out = new java.util.TreeSet<>();
        for (PrometheusApi.RangeSeries r : api.samples("model_result", Duration.between(from, to).plusSeconds(SCRAPE_SECONDS), to)) {
            for (double[] p : r.points()) {
                long i = (long) Math.floor(p[0] / SCRAPE_SECONDS);
                if (i >= first && i <= last) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static boolean settled(AlertmanagerApi am) {
        AlertmanagerApi.Cluster c = am.cluster();
        return c.status().equals("ready") && c.peers().size() == 2;
    }

    private static double value(PrometheusApi api, String expr) {
        List<PrometheusApi.Series> r = api.query(expr);
        return r.isEmpty() ? Double.NaN : r.get(0).value();
    }

    /**
     * Every episode notified; one that lasted two evaluations exactly once; a spike at most twice per replica
     * running: each replica may see it at another moment, which Alertmanager rightly takes for two episodes, and such
     * a short episode may resolve before the peers' gossip has settled its notification, so the second peer sends it
     * too (the at-least-once delivery the README describes; seen once here under the test suite's load).
     */
    private void assertOncePerEpisode(List<Episode> seen, int replicas) {
        assertThat(seen).as("FIRING messages per episode; rejected: %s", discord.rejections()).allSatisfy(e -> {
            if (e.spike()) {
                assertThat(e.count()).isBetween(1, 2 * replicas);
            } else {
                assertThat(e.count()).isEqualTo(1);
            }
        });
    }

    private static void report(String what, List<Episode> seen) {
        for (boolean spike : List.of(true, false)) {
            List<Episode> kind = seen.stream().filter(e -> e.spike() == spike).toList();
            if (!kind.isEmpty()) {
                System.out.println(what + (spike ? " (spikes, one value)" : " (two values)") + ": "
                        + kind.stream().map(Episode::count).toList() + "; duplicates "
                        + kind.stream().mapToInt(e -> Math.max(0, e.count() - 1)).sum() + ", without a message "
                        + kind.stream().filter(e -> e.count() == 0).count() + "; latency (ms) " + Episodes.latencies(kind));
            }
        }
    }
}
