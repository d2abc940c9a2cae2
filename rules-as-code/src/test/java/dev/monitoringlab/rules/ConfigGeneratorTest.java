package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.settings.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigGeneratorTest {
    private static final String HOOK = "https://discord.example/api/webhooks/123/abc";

    @TempDir
    Path out;

    @Test
    void prometheusConfigMatchesTheLab() {
        Map<String, Object> yml = yaml(ConfigGenerator.PROMETHEUS_YML, MonitoringSettings.defaults());
        assertThat(path(yml, "global", "scrape_interval")).isEqualTo("5s");
        assertThat(path(yml, "global", "evaluation_interval")).isEqualTo("5s");
        assertThat(yml.get("rule_files")).isEqualTo(List.of("rules/*.rules.yml"));
        assertThat(yml.toString()).contains("alertmanagers=[{static_configs=[{targets=[localhost:9093]}]}]");
        assertThat(jobs(yml)).containsEntry("model_mock", List.of("localhost:9000"))
                .containsEntry("node", List.of("localhost:9100"))
                .containsEntry("store_model", List.of("localhost:8000"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nodeJobsReadTheInventorysFilesAndTheSecureOneUsesTlsAndAPasswordFile() {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.NODE_TLS_CA_FILE, "/etc/lab/ca.crt");
        Map<String, Object> yml = yaml(ConfigGenerator.PROMETHEUS_YML, s);
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        for (Object o : (List<Object>) yml.get("scrape_configs")) {
            byName.put((String) ((Map<String, Object>) o).get("job_name"), (Map<String, Object>) o);
        }
        assertThat(byName.get("node")).doesNotContainKeys("scheme", "basic_auth", "tls_config")
                .containsEntry("file_sd_configs", List.of(Map.of("files", List.of("file_sd/node-plain*.yml"))));
        Map<String, Object> tls = byName.get("node_tls");
        assertThat(tls).containsEntry("scheme", "https").doesNotContainKey("static_configs")
                .containsEntry("file_sd_configs", List.of(Map.of("files", List.of("file_sd/node-tls*.yml"))))
                .containsEntry("basic_auth", Map.of("username", "prometheus",
                        "password_file", "../../secrets/node_exporter/password"))
                .containsEntry("tls_config", Map.of("ca_file", "/etc/lab/ca.crt"))
                .containsEntry("relabel_configs", List.of(Map.of("target_label", "job", "replacement", "node")));
        assertThat(render(ConfigGenerator.PROMETHEUS_YML, s)).doesNotContain("password:");
        assertThat(jobs(yaml(ConfigGenerator.PROMETHEUS_YML, s.with(Setting.NODE_TARGETS, "")))).containsEntry("node", List.of());
    }

    @Test
    void modelMockRuleIsTheLabsRule() {
        String rules = render(ConfigGenerator.rulesFile(ModelMockRules.group(MonitoringSettings.defaults())),
                MonitoringSettings.defaults());
        assertThat(rules).startsWith(Yaml.HEADER).contains("alert: ModelMockHighAccuracy")
                .contains("expr: model_result > 0.75")
                .contains("summary: Model mock accuracy is very high")
                .contains("description: \"Model mock accuracy is very high at {{ $value }}\"")
                .doesNotContain("for:");
    }

    @Test
    void routeTimingsAndReceiversMatchTheLab() {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.DISCORD_WEBHOOK_URL, HOOK);
        Map<String, Object> am = yaml(ConfigGenerator.ALERTMANAGER_YML, s);
        assertThat(path(am, "route", "receiver")).isEqualTo("discord");
        assertThat(path(am, "route", "group_wait")).isEqualTo("0s");
        assertThat(path(am, "route", "group_interval")).isEqualTo("1s");
        assertThat(path(am, "route", "repeat_interval")).isEqualTo("1h");
        String text = am.get("receivers").toString();
        String message = ", message=" + Routing.DISCORD_MESSAGE + "}]}";
        assertThat(text).contains("{name=discord, discord_configs=[{webhook_url=" + HOOK + ", send_resolved=false" + message)
                .contains("{name=discord-resolved, discord_configs=[{webhook_url=" + HOOK + ", send_resolved=true" + message);
    }

    @Test
    void theDiscordMessageIsAlertmanagersDefaultWithoutTheRunbookLine() {
        // discord.default.message of Alertmanager 0.25 with __text_alert_list inlined, plus one condition
        String list = "{{ range %s }}Labels:\n{{ range .Labels.SortedPairs }} - {{ .Name }} = {{ .Value }}\n{{ end }}"
                + "Annotations:\n{{ range .Annotations.SortedPairs }}{{ if ne .Name \"runbook_url\" }} - {{ .Name }} ="
                + " {{ .Value }}\n{{ end }}{{ end }}Source: {{ .GeneratorURL }}\n{{ end }}";
        assertThat(Routing.DISCORD_MESSAGE).isEqualTo("\n{{ if gt (len .Alerts.Firing) 0 }}\nAlerts Firing:\n"
                + list.formatted(".Alerts.Firing") + "\n{{ end }}\n{{ if gt (len .Alerts.Resolved) 0 }}\nAlerts Resolved:\n"
                + list.formatted(".Alerts.Resolved") + "\n{{ end }}\n");
    }

    @Test
    void heartbeatAndMonitoringArePlainWebhooksThatSendNothingWithoutAUrl() {
        Map<String, Object> none = yaml(ConfigGenerator.ALERTMANAGER_YML, MonitoringSettings.defaults());
        assertThat(none.get("receivers").toString()).contains("{name=heartbeat}").contains("{name=monitoring}");
        assertThat(none.get("route").toString())
                .contains("{receiver=heartbeat, repeat_interval=1m, matchers=[alertname=\"Watchdog\"]}");
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.HEARTBEAT_WEBHOOK_URL, "https://hc.example/p/1")
                .with(Setting.HEARTBEAT_REPEAT_INTERVAL, "5m").with(Setting.MONITORING_WEBHOOK_URL, "https://ops.example/am");
        Map<String, Object> am = yaml(ConfigGenerator.ALERTMANAGER_YML, s);
        assertThat(am.get("receivers").toString())
                .contains("{name=heartbeat, webhook_configs=[{url=https://hc.example/p/1, send_resolved=false}]}")
                .contains("{name=monitoring, webhook_configs=[{url=https://ops.example/am, send_resolved=true}]}");
        assertThat(am.get("route").toString()).contains("{receiver=heartbeat, repeat_interval=5m,");
    }

    @Test
    void withoutWebhooksReceiversSendNothingButTheConfigIsComplete() {
        String am = render(ConfigGenerator.ALERTMANAGER_YML, MonitoringSettings.defaults());
        assertThat(am).contains("- name: discord\n").doesNotContain("discord_configs").doesNotContain("slack_configs");
    }

    @Test
    void onlyTheFileHoldingSecretsIsOwnerOnly() throws IOException {
        MonitoringSettings s = MonitoringSettings.defaults().with(Setting.DISCORD_WEBHOOK_URL, HOOK);
        ConfigGenerator.writeAll(s, out);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(ConfigGenerator.ALERTMANAGER_YML))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(ConfigGenerator.PROMETHEUS_YML))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve(ConfigGenerator.PROMETHEUS_YML))).doesNotContain(HOOK);
        try (var files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void invalidSettingsFileWritesNothingAndExitsNonZero() throws IOException {
        Path root = out.resolve("repo");
        Files.createDirectories(root.resolve("stack"));
        Files.writeString(root.resolve("stack/settings.properties"), "model-mock.threshold=1.5\n");
        Path gen = root.resolve("stack/generated");
        CliRun run = CliRun.of(new GenerateConfigsMain(), "--root", root.toString(), "--skip-checks=true");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("rules-as-code: invalid setting model-mock.threshold=1.5").hasLineCount(1);
        assertThat(gen).doesNotExist();
    }

    @Test
    void routeNamingAnUndefinedReceiverIsRefused() {
        var route = dev.monitoringlab.rules.alertmanager.Route.child("nobody");
        assertThatThrownBy(() -> new dev.monitoringlab.rules.alertmanager.AlertmanagerConfig(route, List.of()))
                .hasMessageContaining("receiver 'nobody'");
    }

    private static String render(Path file, MonitoringSettings s) {
        return ConfigGenerator.render(s).stream().filter(f -> f.relativePath().equals(file)).findFirst()
                .orElseThrow().content();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file, MonitoringSettings s) {
        return (Map<String, Object>) Yaml.read(render(file, s));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object o = map;
        for (String k : keys) {
            o = ((Map<String, Object>) o).get(k);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> jobs(Map<String, Object> yml) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Object o : (List<Object>) yml.get("scrape_configs")) {
            Map<String, Object> job = (Map<String, Object>) o;
            List<Object> statics = (List<Object>) job.getOrDefault("static_configs", List.of());
            out.put((String) job.get("job_name"), statics.isEmpty() ? List.of()
                    : (List<String>) ((Map<String, Object>) statics.get(0)).get("targets"));
        }
        return out;
    }
}
