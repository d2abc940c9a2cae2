package dev.monitoringlab.kubernetes;

import static dev.monitoringlab.kubernetes.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the API server and the controllers require of the core objects, which have no CRD to validate against:
 * names, labels, selectors that match pod labels, ports and probes that match the container's, Secret references,
 * ConfigMap keys and size; and that the objects agree with the Dockerfile, the compose file and the file config.
 */
class CoreObjectsTest {
    private static final String NAME_PART = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Path ROOT = Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize();

    private final MonitoringSettings settings = withWebhooks(MonitoringSettings.defaults())
            .with(Setting.KUBERNETES_NAMESPACE, "lab").with(Setting.KUBERNETES_RELEASE_LABEL, "kps")
            .with(Setting.STORE_MODEL_PORT, "8081");

    /** Every receiver wired: Discord, Slack and Telegram configured, as on a machine that sends alerts. */
    static MonitoringSettings withWebhooks(MonitoringSettings s) {
        return s.with(Setting.DISCORD_WEBHOOK_URL, "https://discord.example/api/webhooks/1/x")
                .with(Setting.SLACK_WEBHOOK_URL, "https://hooks.slack.example/services/T/B/x")
                .with(Setting.TELEGRAM_BOT_TOKEN, "123456789:AAtelegram-test-token-abcdefghij")
                .with(Setting.TELEGRAM_CHAT_ID, "-1001234567890");
    }
    private final Manifests manifests = new Manifests(settings);

    @Test
    void everyObjectHasAValidNameNamespaceAndLabels() {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> o : manifests.objects) {
            String kind = (String) o.get("kind");
            String name = at(o, "metadata", "name");
            assertThat(seen.add(kind + "/" + name)).as("unique " + kind + "/" + name).isTrue();
            assertThat(name).as(kind + " name").hasSizeLessThanOrEqualTo(kind.equals("Service") ? 63 : 253)
                    .matches(kind.equals("Service") ? "[a-z]([-a-z0-9]*[a-z0-9])?" : DNS_SUBDOMAIN);
            assertThat(Manifests.<String>at(o, "metadata", "namespace")).isEqualTo("lab").matches(Names.DNS_1123_LABEL);
            Map<String, Object> labels = at(o, "metadata", "labels");
            assertThat(labels).containsEntry("release", "kps").containsEntry(Resource.PART_OF, Resource.PART_OF_VALUE);
            labels.forEach((k, v) -> assertValidLabel(kind + "/" + name, k, v));
            Map<String, Object> meta = at(o, "metadata");
            if (meta.containsKey("annotations")) {
                Manifests.<Map<String, Object>>at(o, "metadata", "annotations").keySet().forEach(k -> assertValidKey(k));
            }
        }
        assertThat(manifests.objects).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theDeploymentSelectsItsOwnPodsAndProbesItsOwnPort() {
        Map<String, Object> d = manifests.one("Deployment");
        Map<String, Object> podLabels = at(d, "spec", "template", "metadata", "labels");
        assertThat(podLabels).containsAllEntriesOf(at(d, "spec", "selector", "matchLabels"));
        podLabels.forEach((k, v) -> assertValidLabel("pod", k, v));
        Map<String, Object> c = at(d, "spec", "template", "spec", "containers", 0);
        assertThat((String) c.get("name")).matches(Names.DNS_1123_LABEL);
        List<String> portNames = new ArrayList<>();
        for (Object p : (List<?>) c.get("ports")) {
            String portName = at(p, "name");
            assertThat(portName).as("IANA service name").hasSizeLessThanOrEqualTo(15)
                    .matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?").doesNotContain("--").matches(".*[a-z].*");
            assertThat(Manifests.<Integer>at(p, "containerPort")).isBetween(1, 65535);
            portNames.add(portName);
        }
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(Manifests.<String>at(c, probe, "httpGet", "port")).as(probe).isIn(portNames);
            assertThat(Manifests.<String>at(c, probe, "httpGet", "path")).as(probe).isEqualTo("/health");
        }
        Map<String, Object> requests = at(c, "resources", "requests");
        Map<String, Object> limits = at(c, "resources", "limits");
        assertThat(quantity((String) requests.get("cpu"))).isPositive().isLessThanOrEqualTo(quantity((String) limits.get("cpu")));
        assertThat(quantity((String) requests.get("memory"))).isLessThanOrEqualTo(quantity((String) limits.get("memory")));
        List<String> volumes = ((List<?>) at(d, "spec", "template", "spec", "volumes")).stream()
                .map(v -> (String) at(v, "name")).toList();
        ((List<?>) c.get("volumeMounts")).forEach(m -> assertThat((String) at(m, "name")).isIn(volumes));
    }

    @Test
    void theContainerIsTheImageTheDockerfileBuildsAndComposeRuns() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("model-serving/Dockerfile"), StandardCharsets.UTF_8);
        Map<String, Object> c = at(manifests.one("Deployment"), "spec", "template", "spec", "containers", 0);
        int port = at(c, "ports", 0, "containerPort");
        assertThat(dockerfile).contains("EXPOSE " + port).contains("--port " + port);
        assertThat(dockerfile).containsPattern("useradd [^\\n]*--uid "
                + Manifests.<Object>at(manifests.one("Deployment"), "spec", "template", "spec", "securityContext", "runAsUser"));
        Object compose = ManifestYaml.read(Files.readString(ROOT.resolve("stack/docker-compose.yml"), StandardCharsets.UTF_8));
        assertThat(Manifests.<String>at(compose, "services", "store-model", "image")).isEqualTo(c.get("image"));
    }

    @Test
    void theServiceSelectsThePodsAndTargetsTheContainerPort() {
        Map<String, Object> podLabels = at(manifests.one("Deployment"), "spec", "template", "metadata", "labels");
        Map<String, Object> c = at(manifests.one("Deployment"), "spec", "template", "spec", "containers", 0);
        Map<String, Object> svc = manifests.one("Service");
        assertThat(podLabels).containsAllEntriesOf(at(svc, "spec", "selector"));
        Map<String, Object> port = at(svc, "spec", "ports", 0);
        assertThat(port.get("targetPort")).isEqualTo(at(c, "ports", 0, "name"));
        assertThat(port.get("port")).isEqualTo(8081);
    }

    @Test
    void theServiceMonitorFindsTheServiceAndScrapesItAsTheFileConfigsJob() {
        Map<String, Object> svc = manifests.one("Service");
        Map<String, Object> sm = manifests.one("ServiceMonitor");
        Map<String, Object> svcLabels = at(svc, "metadata", "labels");
        assertThat(svcLabels).containsAllEntriesOf(at(sm, "spec", "selector", "matchLabels"));
        assertThat(Manifests.<List<Object>>at(sm, "spec", "namespaceSelector", "matchNames")).contains("lab");
        assertThat(Manifests.<String>at(sm, "spec", "endpoints", 0, "port"))
                .isEqualTo(at(svc, "spec", "ports", 0, "name"));
        // the job label the operator gives the series is what the rules and dashboards select on
        String job = (String) svcLabels.get(Manifests.<String>at(sm, "spec", "jobLabel"));
        assertThat(job).isEqualTo(StoreModelWorkload.scrapeJob(settings).jobName());
        Matcher m = Pattern.compile("job\\s*=\\s*\"([^\"]*)\"").matcher(settings.selector(Setting.STORE_MODEL_SELECTOR));
        assertThat(m.find()).isTrue();
        assertThat(job).isEqualTo(m.group(1));
        assertThat(Manifests.<String>at(sm, "spec", "endpoints", 0, "interval"))
                .isEqualTo(settings.promDuration(Setting.SCRAPE_INTERVAL));
    }

    @Test
    void theDashboardConfigMapsAreWhatTheGrafanaSidecarLoads() {
        List<Map<String, Object>> maps = manifests.ofKind("ConfigMap");
        assertThat(maps).hasSize(DashboardConfigMaps.provisionedDashboards(settings).size()).isNotEmpty();
        for (Map<String, Object> cm : maps) {
            assertThat(Manifests.<Map<String, Object>>at(cm, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
            Map<String, Object> data = at(cm, "data");
            assertThat(data).hasSize(1);
            data.forEach((k, v) -> {
                assertThat(k).matches("[-._a-zA-Z0-9]+").endsWith(".json");
                assertThat(((String) v).getBytes(StandardCharsets.UTF_8).length).isLessThan(DashboardConfigMaps.MAX_BYTES);
            });
        }
    }

    @Test
    void theAlertmanagerConfigReadsItsSecretsByNameAndKey() {
        List<String> keys = AlertmanagerConfigs.secretKeys(at(manifests.one("AlertmanagerConfig"), "spec"));
        ProjectLayout layout = new ProjectLayout(ROOT);
        assertThat(keys).contains(layout.discordWebhookFile().getFileName().toString(),
                layout.slackWebhookFile().getFileName().toString(), layout.telegramBotTokenFile().getFileName().toString());
        // each key is the file of a secret setting, so kubectl create secret --from-file=stack/secrets/<key> fills it
        List<String> secretFiles = java.util.Arrays.stream(Setting.values()).map(WebhookSecrets::keyOf).toList();
        assertThat(keys).allMatch(secretFiles::contains).allMatch(k -> k.matches("[-._a-zA-Z0-9]+"));
        String name = settings.raw(Setting.KUBERNETES_WEBHOOK_SECRET);
        assertThat(name).matches(DNS_SUBDOMAIN);
        assertThat(manifests.files.get(AlertmanagerConfigs.of(settings).fileName()))
                .contains("name: " + name + "\n").doesNotContain("discord.example", "slack.example", "AAtelegram");
    }

    @Test
    void theKustomizationListsEveryObjectFileOnce() {
        Object k = ManifestYaml.read(manifests.files.get(KubernetesGenerator.KUSTOMIZATION));
        List<Object> resources = at(k, "resources");
        List<String> objectFiles = manifests.files.keySet().stream()
                .filter(f -> !f.equals(KubernetesGenerator.KUSTOMIZATION) && !f.equals(HelmValues.FILE)).toList();
        assertThat(resources).containsExactlyElementsOf(objectFiles).hasSize(manifests.objects.size());
    }

    /** The Helm values select what is generated, with the settings' intervals and release label. */
    @Test
    void theHelmValuesSelectTheObjectsWithTheSettingsIntervals() {
        MonitoringSettings s = settings.with(Setting.SCRAPE_INTERVAL, "10s").with(Setting.EVALUATION_INTERVAL, "15s");
        Object values = ManifestYaml.read(new Manifests(s).files.get(HelmValues.FILE));
        assertThat(Manifests.<String>at(values, "prometheus", "prometheusSpec", "scrapeInterval")).isEqualTo("10s");
        assertThat(Manifests.<String>at(values, "prometheus", "prometheusSpec", "evaluationInterval")).isEqualTo("15s");
        Map<String, Object> amSelector = at(values, "alertmanager", "alertmanagerSpec", "alertmanagerConfigSelector",
                "matchLabels");
        assertThat(Manifests.<Map<String, Object>>at(manifests.one("AlertmanagerConfig"), "metadata", "labels"))
                .containsAllEntriesOf(amSelector);
        assertThat(amSelector).containsEntry("release", "kps");
        Map<String, Object> sidecar = at(values, "grafana", "sidecar", "dashboards");
        for (Map<String, Object> cm : manifests.ofKind("ConfigMap")) {
            assertThat(Manifests.<Map<String, Object>>at(cm, "metadata", "labels"))
                    .containsEntry((String) sidecar.get("label"), sidecar.get("labelValue"));
        }
    }

    private static void assertValidLabel(String where, String key, Object value) {
        assertValidKey(key);
        assertThat(value).as(where + " label " + key + " is a string").isInstanceOf(String.class);
        assertThat((String) value).as(where + " label " + key).hasSizeLessThanOrEqualTo(63).matches("(" + NAME_PART + ")?");
    }

    private static void assertValidKey(String key) {
        String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
        if (key.contains("/")) {
            assertThat(key.substring(0, key.indexOf('/'))).as("prefix of " + key).hasSizeLessThanOrEqualTo(253)
                    .matches(DNS_SUBDOMAIN);
        }
        assertThat(name).as("key " + key).hasSizeLessThanOrEqualTo(63).matches(NAME_PART);
    }

    /** Kubernetes quantities as the generator writes them: millicores, whole cores, Mi and Gi. */
    private static double quantity(String q) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|Mi|Gi)?").matcher(q);
        assertThat(m.matches()).as("quantity " + q).isTrue();
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "m" -> v / 1000;
            case "Mi" -> v * 1024 * 1024;
            case "Gi" -> v * 1024 * 1024 * 1024;
            default -> v;
        };
    }
}
