package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.PrometheusApi.Alert;
import dev.monitoringlab.stack.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet from the inventory, without a VM: synthetic hosts (real node exporters on synthetic /proc) listed in
 * an Ansible inventory; prometheus-targets.yml writes Prometheus's file_sd from it; Prometheus scrapes every
 * host, picks up a host added to the inventory without a restart, and HostHighCpuLoad fires for the one busy
 * host only, then resolves. 'for' is shortened to 10s through the settings; everything else is production.
 */
class FleetIT {
    private static final String ALERT = "HostHighCpuLoad";
    private static final Duration FOR = Duration.ofSeconds(10);
    private final Path playbookDir = Path.of("").toAbsolutePath();

    @Test
    void loadOnOneHostFiresForThatInstanceOnly(@TempDir Path work) throws Exception {
        Command.require("ansible-playbook", "ansible");
        Path fileSd = work.resolve("stack/generated/prometheus/file_sd");
        List<SyntheticHost> fleet = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Timeline timeline = new Timeline();
        try {
            for (int i = 1; i <= 4; i++) {
                fleet.add(SyntheticHost.start("fleet-" + i, Ports.free(), 2, work));
            }
            Instant[] last = {Instant.now()};
            clock.scheduleAtFixedRate(() -> {
                Instant now = Instant.now();
                fleet.forEach(h -> h.tick(Duration.between(last[0], now)));
                last[0] = now;
            }, 0, 1, TimeUnit.SECONDS);

            Instant t0 = Instant.now();
            writeTargets(work, fleet.subList(0, 3), fileSd);
            timeline.add("inventory of 3 hosts -> file_sd written", Instant.now(), null);
            try (NativeStack stack = NativeStack.builder(settings()).workDir(work.resolve("stack")).log(System.out)
                    .start()) {
                PrometheusApi prom = stack.prometheus();
                awaitUpTargets(prom, fleet.subList(0, 3));
                timeline.add("3 targets up", Instant.now(), "inventory of 3 hosts -> file_sd written");

                // A host added to the inventory: one playbook run, no restart, no settings change.
                timeline.add("4th host added to the inventory", Instant.now(), null);
                writeTargets(work, fleet, fileSd);
                Instant written = Instant.now();
                timeline.add("file_sd rewritten", written, "4th host added to the inventory");
                awaitUpTargets(prom, fleet);
                timeline.add("4 targets up", Instant.now(), "file_sd rewritten");
                Duration discovery = Duration.between(written, Instant.now());

                awaitQuiet(prom, Duration.ofSeconds(60));
                SyntheticHost loaded = fleet.get(1);
                Set<String> alerted = new TreeSet<>();
                loaded.busy(true);
                Instant loadStart = Instant.now();
                timeline.add("load on " + loaded.name(), loadStart, null);
                Instant deadline = loadStart.plus(FOR).plusSeconds(60);
                boolean firing = false;
                while (!firing) {
                    assertThat(Instant.now()).as(ALERT + " firing for " + loaded.target()).isBefore(deadline);
                    List<Alert> alerts = hostAlerts(prom);
                    alerts.forEach(a -> alerted.add(a.labels().get("instance")));
                    firing = alerts.stream().anyMatch(a -> a.state().equals("firing"));
                    Waits.pause(Duration.ofMillis(500));
                }
                timeline.add(ALERT + " firing", Instant.now(), "load on " + loaded.name());
                // a few more evaluations: the idle hosts must stay quiet while one host is busy
                Instant watchUntil = Instant.now().plusSeconds(15);
                while (Instant.now().isBefore(watchUntil)) {
                    hostAlerts(prom).forEach(a -> alerted.add(a.labels().get("instance")));
                    Waits.pause(Duration.ofMillis(500));
                }
                loaded.busy(false);
                Instant loadEnd = Instant.now();
                timeline.add("load end", loadEnd, "load on " + loaded.name());
                while (!hostAlerts(prom).isEmpty()) {
                    assertThat(Instant.now()).as(ALERT + " resolved after the load").isBefore(loadEnd.plusSeconds(60));
                    Waits.pause(Duration.ofMillis(500));
                }
                timeline.add(ALERT + " resolved", Instant.now(), "load end");
                System.out.printf("fleet of %d synthetic hosts (for %ss), file_sd rewritten -> added host up %s, total %s:%n%s%n",
                        fleet.size(), FOR.toSeconds(), Timeline.format(discovery),
                        Timeline.format(Duration.between(t0, Instant.now())), timeline.table());

                assertThat(alerted).as("instances that had " + ALERT + " pending or firing").containsExactly(loaded.target());
                assertThat(discovery).as("an added host is scraped soon after its file_sd entry, without a restart")
                        .isLessThan(Duration.ofSeconds(30));
            }
        } finally {
            clock.shutdownNow();
            fleet.forEach(SyntheticHost::close);
        }
    }

    /** The inventory is the one list of hosts; the playbook turns it into Prometheus's targets. */
    private void writeTargets(Path work, List<SyntheticHost> hosts, Path fileSd) throws IOException {
        StringBuilder inv = new StringBuilder("[monitored]\n");
        for (SyntheticHost h : hosts) {
            inv.append(h.name()).append(" ansible_host=127.0.0.1 node_exporter_scrape_port=").append(h.port())
                    .append(" node_exporter_secure=false\n");
        }
        Path inventory = work.resolve("inventory.ini");
        Files.writeString(inventory, inv);
        Command.Result r = Command.run(List.of("ansible-playbook", "-i", inventory.toString(), "prometheus-targets.yml",
                "-e", "monitoring_file_sd_dir=" + fileSd), playbookDir, Map.of("ANSIBLE_NOCOLOR", "1"),
                Duration.ofMinutes(2), line -> System.out.println("  ansible: " + line));
        assertThat(r.exitCode()).as("prometheus-targets.yml:\n%s", r.output()).isZero();
        assertThat(Files.readString(fileSd.resolve("node-plain.yml"))).as("file_sd of the lab-mode hosts")
                .contains(hosts.stream().map(h -> "\"" + h.target() + "\"").toList());
    }

    private static void awaitUpTargets(PrometheusApi prom, List<SyntheticHost> hosts) {
        Set<String> wanted = hosts.stream().map(SyntheticHost::target).collect(Collectors.toCollection(TreeSet::new));
        prom.awaitQuery("up{job=\"node\"} == 1", r -> r.stream().map(s -> s.labels().get("instance"))
                .collect(Collectors.toCollection(TreeSet::new)).equals(wanted), Duration.ofSeconds(90));
    }

    private static List<Alert> hostAlerts(PrometheusApi prom) {
        return prom.alerts().stream().filter(a -> a.name().equals(ALERT)).toList();
    }

    private static void awaitQuiet(PrometheusApi prom, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!hostAlerts(prom).isEmpty()) {
            assertThat(Instant.now()).as("idle fleet still has " + ALERT).isBefore(deadline);
            Waits.pause(Duration.ofMillis(500));
        }
    }

    private static MonitoringSettings settings() {
        return MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.NODE_TARGETS, "")
                .with(Setting.HOST_CPU_FOR, FOR.toSeconds() + "s");
    }
}
