package dev.monitoringlab.kubernetes;

import dev.monitoringlab.rules.ScrapeJobs;
import dev.monitoringlab.rules.prometheus.ScrapeConfig;
import dev.monitoringlab.rules.prometheus.StaticConfig;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * The store model service on Kubernetes: the image model-serving/Dockerfile builds, a Service in front of it and a
 * ServiceMonitor that scrapes it under the job name the file config gives it, so the rules' selector
 * ({@code selectors.store-model}) and the dashboards find its series unchanged.
 */
public final class StoreModelWorkload {
    public static final String NAME = "store-model";
    /** The tag the compose file builds the image under (stack/docker-compose.yml). */
    public static final String IMAGE = "monitoring-lab/store-model:1.0.0";
    /** model-serving/Dockerfile: {@code EXPOSE 8000} and {@code serve --port 8000}. */
    public static final int CONTAINER_PORT = 8000;
    /** The user the Dockerfile creates and runs as. */
    public static final long RUN_AS = 10001;
    public static final String PORT_NAME = "http";
    public static final String HEALTH_PATH = "/health";
    /** A Service label whose value becomes the scrape job's name (ServiceMonitor {@code jobLabel}). */
    public static final String JOB_LABEL = "monitoring-lab/job";

    /*
     * Resources from kubernetes-as-code/bench/measure-store-model.sh, 3 rounds, with the Dockerfile's JAVA_OPTS
     * (heap 64-128 MB, serial GC): under the workshop's normal traffic (20 predictions/s plus a scrape every 5 s) the
     * service used 31-35 millicores and peaked at 95-96 MiB RSS; a 5 s burst of 16 connections at full speed peaked
     * at 123-128 MiB; start to healthy took 1.0-1.5 CPU seconds. The requests cover the burst's memory and twice the
     * light load's CPU. The memory limit is the model-serving benchmark's RSS bound (256 MB), twice every measured
     * peak. The CPU limit is one core because the start is CPU-bound: at 100m it would take 10-15 s to get healthy.
     */
    static final String CPU_REQUEST = "70m";
    static final String MEMORY_REQUEST = "128Mi";
    static final String CPU_LIMIT = "1";
    static final String MEMORY_LIMIT = "256Mi";

    private StoreModelWorkload() {
    }

    /** The pod labels, and the selector of the Deployment and the Service. */
    public static Map<String, Object> selector() {
        return Tree.map("app.kubernetes.io/name", NAME, Resource.PART_OF, Resource.PART_OF_VALUE);
    }

    public static List<Resource> of(MonitoringSettings s) {
        ScrapeConfig job = scrapeJob(s);
        return List.of(deployment(s), service(s, job), serviceMonitor(s, job));
    }

    /** The file config's scrape job for the store model: the one that targets its port. */
    static ScrapeConfig scrapeJob(MonitoringSettings s) {
        for (ScrapeConfig c : ScrapeJobs.prometheusConfig(s).scrapeConfigs()) {
            // jobs from file-based discovery (the inventory's node exporters) have no static targets
            for (StaticConfig sc : c.staticConfigs() == null ? List.<StaticConfig>of() : c.staticConfigs()) {
                if (sc.targets().contains(s.storeModelTarget())) {
                    return c;
                }
            }
        }
        throw new KubernetesException("prometheus.yml has no scrape job for the store model at " + s.storeModelTarget());
    }

    static Resource deployment(MonitoringSettings s) {
        Map<String, Object> probe = Tree.map("httpGet", Tree.map("path", HEALTH_PATH, "port", PORT_NAME));
        Map<String, Object> container = Tree.map(
                "name", NAME,
                "image", IMAGE,
                "imagePullPolicy", "IfNotPresent",
                "ports", List.of(Tree.map("name", PORT_NAME, "containerPort", CONTAINER_PORT, "protocol", "TCP")),
                // the JVM's first seconds: up to 60 s before liveness counts, on a busy node
                "startupProbe", with(probe, "periodSeconds", 2, "failureThreshold", 30),
                "readinessProbe", with(probe, "periodSeconds", 5, "timeoutSeconds", 2, "failureThreshold", 3),
                "livenessProbe", with(probe, "periodSeconds", 10, "timeoutSeconds", 3, "failureThreshold", 3),
                "resources", Tree.map(
                        "requests", Tree.map("cpu", CPU_REQUEST, "memory", MEMORY_REQUEST),
                        "limits", Tree.map("cpu", CPU_LIMIT, "memory", MEMORY_LIMIT)),
                "securityContext", Tree.map(
                        "allowPrivilegeEscalation", false,
                        "readOnlyRootFilesystem", true,
                        "capabilities", Tree.map("drop", List.of("ALL"))),
                // the JVM writes hsperfdata and temp files under /tmp; the root file system stays read-only
                "volumeMounts", List.of(Tree.map("name", "tmp", "mountPath", "/tmp")));
        Map<String, Object> podSpec = Tree.map(
                "securityContext", Tree.map("runAsNonRoot", true, "runAsUser", RUN_AS, "runAsGroup", RUN_AS,
                        "seccompProfile", Tree.map("type", "RuntimeDefault")),
                "containers", List.of(container),
                "volumes", List.of(Tree.map("name", "tmp", "emptyDir", Tree.map("sizeLimit", "64Mi"))));
        Map<String, Object> podLabels = new java.util.LinkedHashMap<>(Resource.commonLabels(s));
        podLabels.putAll(selector());
        return Resource.builder("apps/v1", "Deployment", NAME, s)
                .labels(selector())
                .field("spec", Tree.map(
                        "replicas", 1,
                        "selector", Tree.map("matchLabels", selector()),
                        "template", Tree.map("metadata", Tree.map("labels", podLabels), "spec", podSpec)))
                .build();
    }

    static Resource service(MonitoringSettings s, ScrapeConfig job) {
        return Resource.builder("v1", "Service", NAME, s)
                .labels(selector())
                .label(JOB_LABEL, job.jobName())
                .field("spec", Tree.map(
                        "selector", selector(),
                        "ports", List.of(Tree.map("name", PORT_NAME, "port", s.port(Setting.STORE_MODEL_PORT),
                                "targetPort", PORT_NAME, "protocol", "TCP"))))
                .build();
    }

    static Resource serviceMonitor(MonitoringSettings s, ScrapeConfig job) {
        String interval = job.scrapeInterval() != null ? job.scrapeInterval() : s.promDuration(Setting.SCRAPE_INTERVAL);
        String path = job.metricsPath() != null ? job.metricsPath() : "/metrics";
        return Resource.builder(Resource.API_MONITORING, "ServiceMonitor", NAME, s)
                .labels(selector())
                .field("spec", Tree.map(
                        "jobLabel", JOB_LABEL,
                        "selector", Tree.map("matchLabels", selector()),
                        "namespaceSelector", Tree.map("matchNames", List.of(s.raw(Setting.KUBERNETES_NAMESPACE))),
                        "endpoints", List.of(Tree.map("port", PORT_NAME, "path", path, "interval", interval))))
                .build();
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(base);
        m.putAll(Tree.map(more));
        return m;
    }
}
