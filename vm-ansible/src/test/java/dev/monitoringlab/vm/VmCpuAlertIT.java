package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.Waits;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab 7.5 on a real machine: boot the Debian test VM, run the playbook over SSH as a user would (twice, the
 * second run must change nothing), check the exporter is secured (TLS, basic auth, firewall) and refuses a
 * scrape without credentials, let the real Prometheus find the VM in the file the playbook wrote from the
 * inventory and scrape it with the password file and CA, then load its CPU with stress-ng and watch
 * HostHighCpuLoad through Alertmanager to a Discord look-alike. The rule is the production one (threshold
 * 90 %, 15 s rate window, 5 s scrape and evaluation) with 'for' scaled from 3m down to 30s. One VM boot for
 * every test here: the boot and the first playbook run are most of the time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VmCpuAlertIT {
    private static final Duration FOR = Duration.ofSeconds(30);
    /** What the window fill adds to 'for' at most (promtool-tested bound, host-test.yml) plus slack for TCG. */
    private static final Duration FIRE_SLACK = Duration.ofSeconds(25);
    private static final Duration RESOLVE_BOUND = Duration.ofSeconds(15);
    private static final Duration SHORT_LOAD = Duration.ofSeconds(20);
    private static final Duration LONG_LOAD = Duration.ofSeconds(75);
    private static final String ALERT = "HostHighCpuLoad";

    private final Path playbookDir = Path.of("").toAbsolutePath();
    private Path secrets;
    private Path stackDir;
    private TestVm vm;
    private Command.Result firstRun;
    private Command.Result secondRun;

    @BeforeAll
    void bootVmAndRunThePlaybookTwice(@TempDir Path work) {
        assertThat(playbookDir.resolve("site.yml")).as("tests run from the vm-ansible folder").exists();
        Command.require("ansible-playbook", "ansible");
        // the playbook's password, CA and file_sd files, where a checkout keeps them in stack/secrets, stack/generated
        secrets = work.resolve("secrets");
        stackDir = work.resolve("stack");
        String[] where = {"-e", "monitoring_secrets_dir=" + secrets,
                "-e", "monitoring_file_sd_dir=" + stackDir.resolve("generated/prometheus/file_sd")};
        Instant t0 = Instant.now();
        vm = TestVm.boot(playbookDir.resolve("testvm"), work.resolve("vm"), Duration.ofMinutes(8), System.out);
        Instant booted = Instant.now();
        firstRun = vm.ansiblePlaybook(playbookDir, "site.yml", Duration.ofMinutes(25), where);
        Instant first = Instant.now();
        secondRun = vm.ansiblePlaybook(playbookDir, "site.yml", Duration.ofMinutes(12), where);
        System.out.printf("timings: image + boot %s, first playbook run %s, second run %s%n",
                EventLog.format(Duration.between(t0, booted)), EventLog.format(Duration.between(booted, first)),
                EventLog.format(Duration.between(first, Instant.now())));
    }

    @AfterAll
    void stopVm() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    @Order(1)
    void thePlaybookSucceedsOnAFreshMachine() {
        assertThat(firstRun.exitCode()).as("ansible-playbook exit code; output:\n%s", firstRun.output()).isZero();
        Map<String, Integer> vmRecap = AnsibleRecap.parse(firstRun.output()).get("testvm");
        assertThat(vmRecap).as("PLAY RECAP of testvm").containsEntry("failed", 0).containsEntry("unreachable", 0);
        assertThat(vmRecap.get("changed")).as("a fresh machine gets packages and the flags file").isPositive();
        // file_sd folder and files, then: fetch with credentials, assert the CPU metric, fetch without -> 401
        assertThat(AnsibleRecap.parse(firstRun.output()).get("localhost"))
                .as("targets written and the metrics checked from this machine").containsEntry("failed", 0)
                .containsEntry("ok", 5);
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothing() {
        assertThat(secondRun.exitCode()).as("second run; output:\n%s", secondRun.output()).isZero();
        assertThat(AnsibleRecap.parse(secondRun.output()).get("testvm"))
                .as("PLAY RECAP of the second run (idempotence)").containsEntry("changed", 0).containsEntry("failed", 0);
    }

    @Test
    @Order(3)
    void theExporterIsInstalledAndSecuredAsConfigured() {
        VmChecks checks = new VmChecks(vm);
        checks.assertService("prometheus-node-exporter");
        checks.assertUser("prometheus");
        checks.assertFile("/etc/node_exporter", "directory", "root", "prometheus", "750");
        checks.assertFile("/etc/node_exporter/web-config.yml", "regular file", "root", "prometheus", "640");
        checks.assertFile("/etc/node_exporter/tls.key", "regular file", "root", "prometheus", "640");
        checks.assertFile("/etc/node_exporter/tls.crt", "regular file", "root", "root", "644");
        checks.assertFile("/etc/node_exporter/basic-auth.salt", "regular file", "root", "root", "600");
        String password = readSecret("password");
        assertThat(checks.read("/etc/node_exporter/web-config.yml")).as("web config: a bcrypt hash, never the password")
                .containsPattern("prometheus: '\\$2b\\$10\\$" + checks.read("/etc/node_exporter/basic-auth.salt").trim()
                        + "[./A-Za-z0-9]{31}'").doesNotContain(password).doesNotContain("rate_limit");
        assertThat(checks.processArgs("prometheus-node-exporter")).as("exporter command line")
                .contains("--web.config.file=/etc/node_exporter/web-config.yml").doesNotContain(password);
        assertThat(checks.read("/proc/net/tcp6") + checks.read("/proc/net/tcp")).as("something listens on 9100")
                .contains(":238C ");
        // QEMU's user network: connections forwarded from this machine reach the guest from 10.0.2.2
        assertThat(vm.ssh("sudo nft list table inet node_exporter", Duration.ofSeconds(30)).output())
                .as("the firewall table lets only the Prometheus host in").contains("tcp dport 9100 ip saddr 10.0.2.2 accept")
                .contains("tcp dport 9100 counter packets");
    }

    @Test
    @Order(4)
    void aScrapeWithoutCredentialsIsRefused() {
        URI metrics = URI.create("https://127.0.0.1:" + vm.exporterPort() + "/metrics");
        Path ca = secrets.resolve("ca.crt");
        String password = readSecret("password");
        HttpResponse<String> plain = NodeExporterHttp.getPlain(URI.create("http://127.0.0.1:" + vm.exporterPort() + "/metrics"));
        assertThat(plain.statusCode()).as("plain HTTP, as the lab's Prometheus scrapes").isEqualTo(400);
        assertThat(plain.body()).doesNotContain("node_cpu_seconds_total");
        HttpResponse<String> anonymous = NodeExporterHttp.getTls(metrics, ca, null, null);
        assertThat(anonymous.statusCode()).as("TLS without credentials").isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("node_cpu_seconds_total");
        assertThat(NodeExporterHttp.getTls(metrics, ca, "prometheus", password + "x").statusCode())
                .as("TLS with a wrong password").isEqualTo(401);
        HttpResponse<String> ok = NodeExporterHttp.getTls(metrics, ca, "prometheus", password);
        assertThat(ok.statusCode()).as("TLS, CA-checked, with the password").isEqualTo(200);
        assertThat(ok.body()).contains("node_cpu_seconds_total");
        // From any other source the port is silent: the guest connecting to its own address is dropped, so the
        // connect times out (errno 11, EAGAIN; a closed port would answer at once with 111, ECONNREFUSED),
        // while the same port answers this machine (above).
        String probe = "python3 -c \"import socket,subprocess; ip=subprocess.run(['hostname','-I'],capture_output=True,"
                + "text=True).stdout.split()[0]; s=socket.socket(); s.settimeout(4); r=s.connect_ex((ip,9100)); "
                + "print('probe', ip, 'open' if r==0 else 'errno %d' % r)\" 2>&1 || true";
        assertThat(vm.ssh(probe, Duration.ofSeconds(30)).output()).as("connection from the guest's own address")
                .containsPattern("probe \\S+ errno 11");
    }

    @Test
    @Order(5)
    void shortLoadStaysQuietLongLoadFiresAndResolves() throws Exception {
        String target = "127.0.0.1:" + vm.exporterPort();
        try (FakeDiscord discord = new FakeDiscord();
             NativeStack stack = NativeStack.builder(settings(discord.url())).workDir(stackDir)
                     .log(System.out).start()) {
            PrometheusApi prom = stack.prometheus();
            prom.awaitQuery("up{job=\"node\"}", r -> r.size() == 1 && r.get(0).value() == 1, Duration.ofSeconds(60));
            assertThat(prom.targets()).as("the VM, found in the file the playbook wrote, scraped over TLS with the password")
                    .filteredOn(t -> t.job().equals("node")).singleElement()
                    .satisfies(t -> assertThat(t.instance()).isEqualTo(target))
                    .satisfies(t -> assertThat(t.health()).as("health; last error: %s", t.lastError()).isEqualTo("up"));
            assertThat(prom.query("count(node_cpu_seconds_total{instance=\"" + target + "\",mode=\"idle\"})"))
                    .as("idle-seconds series, one per VM CPU").singleElement()
                    .satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(1));
            awaitNoAlert(prom, Duration.ofSeconds(90));

            EventLog timeline = new EventLog();
            // Shorter than 'for': the rule turns pending, but nothing may reach Discord.
            AtomicBoolean shortPending = new AtomicBoolean();
            Thread shortWatcher = watchPending(prom, shortPending);
            TestVm.Load shortLoad = vm.stress(SHORT_LOAD, line -> { });
            timeline.add("short load start", shortLoad.start(), null).add("short load end", shortLoad.end(), "short load start");
            Instant quietUntil = shortLoad.end().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(quietUntil) || hasAlert(prom)) {
                assertThat(Instant.now()).as("alert still active long after the short load")
                        .isBefore(shortLoad.end().plus(Duration.ofSeconds(90)));
                Waits.pause(Duration.ofMillis(500));
            }
            shortWatcher.interrupt();
            assertThat(shortPending).as("the short load made the rule pending (CPU above the 90 percent threshold)").isTrue();
            assertThat(discord.messages()).as("Discord messages after a load shorter than 'for' (%s)", FOR).isEmpty();

            // Longer than 'for': one FIRING message while it runs, one RESOLVED message soon after it ends.
            AtomicBoolean pendingSeen = new AtomicBoolean();
            Thread watcher = watchPending(prom, pendingSeen);
            TestVm.Load load = vm.stress(LONG_LOAD, line -> { });
            watcher.interrupt();
            timeline.add("load start", load.start(), null);
            Message firing = discord.await(m -> FakeDiscord.title(m).startsWith("[FIRING:1] " + ALERT),
                    Duration.ofSeconds(5));
            timeline.add("FIRING on Discord", firing.receivedAt(), "load start");
            timeline.add("load end", load.end(), "load start");
            Message resolved = discord.await(m -> FakeDiscord.title(m).startsWith("[RESOLVED] " + ALERT),
                    Duration.ofSeconds(60));
            timeline.add("RESOLVED on Discord", resolved.receivedAt(), "load end");
            System.out.println("HostHighCpuLoad on the test VM (for " + FOR.toSeconds() + "s, rate window "
                    + stack.settings().promDuration(Setting.HOST_CPU_RATE_WINDOW) + "):\n" + timeline.table());

            assertThat(pendingSeen).as("the alert was pending before it fired").isTrue();
            Duration fireDelay = Duration.between(load.start(), firing.receivedAt());
            assertThat(fireDelay).as("load start -> FIRING").isGreaterThanOrEqualTo(FOR)
                    .isLessThanOrEqualTo(FOR.plus(FIRE_SLACK));
            assertThat(Duration.between(load.end(), resolved.receivedAt())).as("load end -> RESOLVED")
                    .isLessThanOrEqualTo(RESOLVE_BOUND);
            assertThat(firing.text()).as("the FIRING message names the VM").contains(target);
            assertThat(discord.messages()).as("exactly one FIRING and one RESOLVED; rejected: %s", discord.rejections())
                    .hasSize(2);
        }
    }

    private String readSecret(String name) {
        try {
            return Files.readString(secrets.resolve(name)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the playbook wrote no " + name + " under " + secrets, e);
        }
    }

    /** No static node targets: the VM comes from the inventory's file_sd, its password and CA from the playbook. */
    private MonitoringSettings settings(String discordUrl) {
        return MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.NODE_TARGETS, "")
                .with(Setting.NODE_TLS_PASSWORD_FILE, secrets.resolve("password").toString())
                .with(Setting.NODE_TLS_CA_FILE, secrets.resolve("ca.crt").toString())
                .with(Setting.HOST_CPU_FOR, FOR.toSeconds() + "s")
                .with(Setting.DISCORD_WEBHOOK_URL, discordUrl);
    }

    private static boolean hasAlert(PrometheusApi prom) {
        return prom.alerts().stream().anyMatch(a -> a.name().equals(ALERT));
    }

    private static void awaitNoAlert(PrometheusApi prom, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (hasAlert(prom)) {
            assertThat(Instant.now()).as("the idle VM still has " + ALERT + " active").isBefore(deadline);
            Waits.pause(Duration.ofMillis(500));
        }
    }

    /** Records in the background whether the alert was seen pending while the load command blocks. */
    private static Thread watchPending(PrometheusApi prom, AtomicBoolean seen) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && !seen.get()) {
                try {
                    seen.set(prom.alerts().stream().anyMatch(a -> a.name().equals(ALERT) && a.state().equals("pending")));
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // Prometheus briefly unreachable: try again on the next poll
                }
            }
        }, "pending watcher");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
