package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.ConfigGenerator;
import dev.monitoringlab.rules.ExternalTool;
import dev.monitoringlab.rules.Routing;
import dev.monitoringlab.rules.Yaml;
import dev.monitoringlab.rules.alertmanager.AlertmanagerConfig;
import dev.monitoringlab.rules.alertmanager.Receiver;
import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.AlertmanagerApi.PostableAlert;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's Discord messages did not change when every alert got a runbook_url: two real Alertmanagers side by
 * side, one with the generated config, one with the same routes and Alertmanager's default Discord message (the
 * config as it was before runbook links), get the lab's two alerts, the first with the runbook link, the second
 * without. Titles and texts of the firing and resolved messages must be identical, character for character.
 */
class DiscordMessageIT {
    @TempDir
    Path work;

    @Test
    void firingAndResolvedMessagesReadExactlyAsWithoutRunbookLinks() throws IOException {
        MonitoringSettings defaults = MonitoringSettings.defaults();
        List<AlertRule> lab = ConfigGenerator.ruleGroups(defaults).stream().flatMap(g -> g.rules().stream())
                .filter(r -> r.alert().equals("ModelMockHighAccuracy") || r.alert().equals("HostHighCpuLoad")).toList();
        assertThat(lab).hasSize(2).allSatisfy(r -> assertThat(r.annotations()).containsKey("runbook_url"));
        try (FakeDiscord now = new FakeDiscord(); FakeDiscord before = new FakeDiscord()) {
            AlertmanagerConfig generated = Routing.alertmanagerConfig(defaults.with(Setting.DISCORD_WEBHOOK_URL, now.url()));
            AlertmanagerConfig plain = new AlertmanagerConfig(generated.route(), generated.inhibitRules(), List.of(
                    Receiver.discord(Routing.DISCORD, java.util.Optional.of(before.url()), false),
                    Receiver.discord(Routing.DISCORD_WITH_RESOLVED, java.util.Optional.of(before.url()), true),
                    Receiver.silent(Routing.SLACK), Receiver.silent(Routing.HEARTBEAT), Receiver.silent(Routing.MONITORING)));
            try (Am amNow = alertmanager("now", generated); Am amBefore = alertmanager("before", plain)) {
                for (AlertRule rule : lab) {
                    PostableAlert withLink = alert(rule, true);
                    PostableAlert withoutLink = alert(rule, false);
                    amNow.api().post(List.of(withLink));
                    amBefore.api().post(List.of(withoutLink));
                    compare(now, before, "[FIRING:1] " + rule.alert());
                    if (rule.alert().equals("HostHighCpuLoad")) {
                        Instant end = Instant.now();
                        amNow.api().post(List.of(withLink.resolvedAt(end)));
                        amBefore.api().post(List.of(withoutLink.resolvedAt(end)));
                        compare(now, before, "[RESOLVED] " + rule.alert());
                    }
                }
            }
            assertThat(now.rejections()).isEmpty();
            assertThat(before.rejections()).isEmpty();
        }
    }

    private static void compare(FakeDiscord now, FakeDiscord before, String titleStart) {
        Message a = now.await(m -> FakeDiscord.title(m).startsWith(titleStart), Duration.ofSeconds(20));
        Message b = before.await(m -> FakeDiscord.title(m).startsWith(titleStart), Duration.ofSeconds(20));
        System.out.println("Discord message, generated config:\n" + FakeDiscord.title(a) + "\n" + FakeDiscord.description(a));
        assertThat(FakeDiscord.title(a)).isEqualTo(FakeDiscord.title(b));
        assertThat(FakeDiscord.description(a)).isEqualTo(FakeDiscord.description(b)).doesNotContain("runbook");
        assertThat(FakeDiscord.description(a)).contains(" - summary = ", " - description = ", "Source: http://");
    }

    /** The alert as Prometheus would send it: rule labels plus the series', annotations with values filled in. */
    private static PostableAlert alert(AlertRule rule, boolean withRunbook) {
        Map<String, String> labels = new LinkedHashMap<>(rule.labels());
        labels.put("alertname", rule.alert());
        labels.put("instance", rule.alert().equals("HostHighCpuLoad") ? "vm:9100" : "localhost:9000");
        if (rule.alert().equals("ModelMockHighAccuracy")) {
            labels.put("job", "model_mock");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        rule.annotations().forEach((k, v) -> annotations.put(k, v.replace("{{ $labels.instance }}", labels.get("instance"))
                .replace("{{ $value | printf \"%.1f\" }}", "97.5").replace("{{ $value }}", "0.9")));
        if (!withRunbook) {
            annotations.remove("runbook_url");
        }
        return new PostableAlert(labels, annotations, "http://localhost:9090/graph?g0.expr=" + rule.alert());
    }

    /** A real Alertmanager on a free port, stopped with the test. */
    private record Am(ManagedProcess process, AlertmanagerApi api) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private Am alertmanager(String name, AlertmanagerConfig config) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Path file = Files.writeString(dir.resolve("alertmanager.yml"), Yaml.write(config));
        int port = Ports.free();
        ManagedProcess p = ManagedProcess.start("alertmanager-" + name, List.of(
                ExternalTool.ALERTMANAGER.require().toString(), "--config.file=" + file,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="), dir, URI.create("http://127.0.0.1:" + port + "/-/ready"));
        try {
            p.awaitReady(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return new Am(p, new AlertmanagerApi(URI.create("http://127.0.0.1:" + port)));
    }
}
