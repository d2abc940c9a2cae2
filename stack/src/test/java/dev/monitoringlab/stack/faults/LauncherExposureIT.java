package dev.monitoringlab.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.stack.Ports;
import dev.monitoringlab.stack.receivers.FakeTelegram;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native launcher as a user starts it (the shaded jar, secrets in the environment, Prometheus, Alertmanager,
 * the mock and the node exporter): every process it starts listens on 127.0.0.1 only, Alertmanager opens no
 * gossip port, and no secret appears on a command line, in the launcher's output or in a log, even once
 * Alertmanager has logged failed deliveries to the (closed) webhook URLs; they are only in the owner-only
 * alertmanager.yml.
 */
class LauncherExposureIT {
    private static final String DISCORD = "http://127.0.0.1:9/api/webhooks/998877665544/discordSecretTokenPart";
    private static final String SLACK = "http://127.0.0.1:9/services/T0SECRET/B0SECRET/slackSecretTokenPart";
    private static final List<String> SECRETS = List.of("discordSecretTokenPart", "slackSecretTokenPart",
            FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));

    @TempDir
    Path work;
    private Process launcher;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTheLauncher() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        Path jar = layout.stackDir().resolve("target/stack-launcher.jar");
        assertThat(jar).as("run mvn package first").isRegularFile();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlab.root=" + layout.root()));
        for (String port : List.of("prometheus.port", "alertmanager.port", "model-mock.port", "node-exporter.port")) {
            cmd.add("-Dlab." + port + "=" + Ports.free());
        }
        // every receiver on a closed loopback port: the alert that fires at once makes Alertmanager log its failures
        cmd.add("-Dlab.telegram.api-url=http://127.0.0.1:9");
        cmd.addAll(List.of("-jar", jar.toString(), "--with-node-exporter", "--work-dir", work.toString(),
                "--mock-arg=--values", "--mock-arg=0.9", "--targets-timeout=5",
                // the store model's jar belongs to model-serving, built after this module; its bind is its own test's
                "--no-store-model"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(Map.of("DISCORD_WEBHOOK_URL", DISCORD, "SLACK_WEBHOOK_URL", SLACK,
                "TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN, "TELEGRAM_CHAT_ID", String.valueOf(FakeTelegram.CHAT_ID)));
        launcher = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException ended) {
                // the launcher stopped and its output closed
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        FaultStacks.await("the launcher's 'running' line", Duration.ofSeconds(120), () -> {
            assertThat(launcher.isAlive()).as("launcher exited: %s", output).isTrue();
            return output.stream().filter(l -> l.contains("running;")).findFirst();
        });
    }

    @AfterEach
    void stopTheLauncher() throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void everyServiceTheLauncherStartsListensOnLoopbackOnlyAndAlertmanagerHasNoGossipPort() throws IOException {
        Map<String, List<ListeningSockets.Bound>> byProcess = new TreeMap<>();
        for (ProcessHandle p : processes()) {
            byProcess.put(name(p), ListeningSockets.of(p.pid()));
        }
        System.out.println("listening sockets of the launcher and its processes: " + byProcess);
        assertThat(byProcess.keySet()).as("processes").contains("prometheus", "prometheus-alertmanager",
                "prometheus-node-exporter", "modelmock");
        byProcess.forEach((process, sockets) -> assertThat(sockets).as(process + " listens on")
                .allSatisfy(s -> assertThat(s.loopback()).as(s.toString()).isTrue()));
        for (String server : List.of("prometheus", "prometheus-node-exporter", "modelmock")) {
            assertThat(byProcess.get(server)).as(server + " serves").isNotEmpty();
        }
        assertThat(byProcess.get("prometheus-alertmanager")).as("Alertmanager: its web port, no gossip (TCP/UDP 9094)")
                .singleElement().satisfies(s -> assertThat(s.protocol()).startsWith("tcp"));
    }

    @Test
    void noSecretOnACommandLineInTheLauncherOutputOrInALogAndOnlyAlertmanagerYmlHoldsThem() throws IOException {
        Path amLog = work.resolve("data/logs/alertmanager.log");
        FaultStacks.await("Alertmanager logging a failed notification", Duration.ofSeconds(60), () -> {
            try {
                return Files.readString(amLog).contains("Notify attempt failed") ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        for (ProcessHandle p : processes()) {
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertNoSecret("command line of " + name(p) + " (" + cmdline + ")", cmdline);
        }
        assertNoSecret("the launcher's output", String.join("\n", output));
        assertThat(output).as("launcher output").anyMatch(l -> l.contains("Prometheus"));
        try (Stream<Path> logs = Files.walk(work.resolve("data/logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                assertNoSecret(log.toString(), Files.readString(log));
            }
        }
        Path am = work.resolve("generated/alertmanager/alertmanager.yml");
        try (Stream<Path> generated = Files.walk(work.resolve("generated"))) {
            for (Path f : generated.filter(Files::isRegularFile).filter(f -> !f.equals(am)).toList()) {
                assertNoSecret(f.toString(), Files.readString(f));
            }
        }
        assertThat(Files.readString(am)).contains(SECRETS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(am))).isEqualTo("rw-------");
    }

    private List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(launcher.toHandle());
        all.addAll(launcher.descendants().filter(ProcessHandle::isAlive).toList());
        return all;
    }

    /** The mock and the launcher are both java: tell them apart by their jar. */
    private static String name(ProcessHandle p) {
        String[] args = p.info().arguments().orElse(new String[0]);
        Optional<String> jar = Stream.of(args).filter(a -> a.endsWith(".jar")).findFirst();
        if (jar.isPresent()) {
            String file = Path.of(jar.get()).getFileName().toString();
            return file.substring(0, file.length() - ".jar".length());
        }
        return p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("pid " + p.pid());
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as("%s contains a secret", where).doesNotContain(secret);
        }
    }
}
