package dev.monitoringlab.stack;

import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code docker compose} needs beside the generated configs, made on the first run so that nobody has to:
 * {@code stack/.env} (the host user's uid/gid, every port from the settings object, the compose profiles the
 * settings switch on) and a random Grafana admin password. The .env file is the settings' projection and is
 * rewritten on every run; one written by hand (without the header) is kept but must agree with the settings.
 * The password is created once, owner-only, and never overwritten.
 */
public final class ComposeEnv {
    static final String HEADER = "# generated from the settings object by stack/up.sh - do not edit;"
            + " change stack/settings.properties instead\n";

    private final ProjectLayout layout;
    private final PrintStream out;

    public ComposeEnv(ProjectLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    public Path envFile() {
        return layout.stackDir().resolve(".env");
    }

    public Path passwordFile() {
        return layout.secretsDir().resolve("grafana_admin_password");
    }

    /** The variables docker-compose.yml reads, in the order the .env file lists them. */
    static Map<String, String> variables(MonitoringSettings s, long uid, long gid) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("LAB_UID", String.valueOf(uid));
        v.put("LAB_GID", String.valueOf(gid));
        // where published ports bind and the host-network services listen: this machine only, unless opened
        v.put("PUBLISH_ADDRESS", publishAddress(s));
        v.put("PROMETHEUS_PORT", String.valueOf(s.port(Setting.PROMETHEUS_PORT)));
        v.put("ALERTMANAGER_PORT", String.valueOf(s.port(Setting.ALERTMANAGER_PORT)));
        v.put("GRAFANA_PORT", String.valueOf(s.port(Setting.GRAFANA_PORT)));
        v.put("MODEL_MOCK_PORT", String.valueOf(s.port(Setting.MODEL_MOCK_PORT)));
        v.put("STORE_MODEL_PORT", String.valueOf(s.port(Setting.STORE_MODEL_PORT)));
        v.put("NODE_EXPORTER_PORT", String.valueOf(s.port(Setting.NODE_EXPORTER_PORT)));
        v.put("CADVISOR_PORT", cadvisorPort(s));
        v.put("STORE_MODEL_TRAFFIC_RATE", StackSummary.number(s.number(Setting.STORE_MODEL_TRAFFIC_RATE)));
        v.putAll(ComposeHa.variables(s));
        v.put("COMPOSE_PROFILES", String.join(",", profiles(s)));
        v.put("PROMETHEUS_LIFECYCLE_FLAG", s.flag(Setting.PROMETHEUS_LIFECYCLE_API)
                ? "--web.enable-lifecycle" : "--no-web.enable-lifecycle");
        v.put("NODE_EXPORTER_ROOT_MOUNT", s.flag(Setting.NODE_EXPORTER_RSLAVE) ? "ro,rslave" : "ro");
        // Prometheus's restore flags (prometheus.for-*), the same the native launcher passes
        v.putAll(dev.monitoringlab.rules.PrometheusFlags.composeVariables(s));
        return v;
    }

    /** 127.0.0.1, or every interface with compose.open-ports=true. */
    static String publishAddress(MonitoringSettings s) {
        return s.flag(Setting.COMPOSE_OPEN_PORTS) ? "0.0.0.0" : "127.0.0.1";
    }

    /** The compose services and where the host reaches them, for the summary. */
    static List<StackSummary.Service> services(MonitoringSettings s) {
        List<StackSummary.Service> out = new ArrayList<>();
        out.add(new StackSummary.Service("Prometheus", local(s, Setting.PROMETHEUS_PORT, "")));
        out.add(new StackSummary.Service("Alertmanager", local(s, Setting.ALERTMANAGER_PORT, "")));
        out.add(new StackSummary.Service("Grafana", local(s, Setting.GRAFANA_PORT, "") + " (user admin)"));
        out.add(new StackSummary.Service("model mock", local(s, Setting.MODEL_MOCK_PORT, "/metrics")));
        out.add(new StackSummary.Service("store model", local(s, Setting.STORE_MODEL_PORT, "/docs")));
        List<String> profiles = profiles(s);
        if (profiles.contains("node-exporter")) {
            out.add(new StackSummary.Service("node exporter", local(s, Setting.NODE_EXPORTER_PORT, "/metrics")));
        }
        if (profiles.contains("traffic")) {
            out.add(new StackSummary.Service("traffic", StackSummary.number(s.number(Setting.STORE_MODEL_TRAFFIC_RATE))
                    + " request/s of the normal scenario to the store model"));
        }
        if (profiles.contains("cadvisor")) {
            out.add(new StackSummary.Service("cAdvisor", "http://127.0.0.1:" + cadvisorPort(s) + "/containers/"));
        }
        out.addAll(ComposeHa.services(s));
        return out;
    }

    private static String local(MonitoringSettings s, Setting port, String path) {
        return "http://127.0.0.1:" + s.port(port) + path;
    }

    /** Optional services: each runs exactly when prometheus.yml scrapes it or the settings ask for it. */
    static List<String> profiles(MonitoringSettings s) {
        List<String> p = new ArrayList<>();
        if (LocalNodeExporter.scraped(s)) {
            p.add("node-exporter");
        }
        if (s.number(Setting.STORE_MODEL_TRAFFIC_RATE) > 0) {
            p.add("traffic");
        }
        if (s.flag(Setting.CADVISOR_ENABLED)) {
            p.add("cadvisor");
        }
        if (ComposeHa.enabled(s)) {
            p.add("ha");
        }
        return p;
    }

    /** The port of the first local cAdvisor target: compose publishes cAdvisor there. */
    private static String cadvisorPort(MonitoringSettings s) {
        return s.cadvisorTargets().stream().filter(t -> t.startsWith("localhost:") || t.startsWith("127.0.0.1:"))
                .map(t -> t.substring(t.lastIndexOf(':') + 1)).findFirst().orElse("8080");
    }

    /** Every port the compose services will publish or listen on, by the key of its setting. */
    static Map<String, Integer> ports(MonitoringSettings s) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Setting p : List.of(Setting.PROMETHEUS_PORT, Setting.ALERTMANAGER_PORT, Setting.GRAFANA_PORT,
                Setting.MODEL_MOCK_PORT, Setting.STORE_MODEL_PORT)) {
            ports.put(p.key(), s.port(p));
        }
        List<String> profiles = profiles(s);
        if (profiles.contains("node-exporter")) {
            ports.put(Setting.NODE_EXPORTER_PORT.key(), s.port(Setting.NODE_EXPORTER_PORT));
        }
        if (profiles.contains("cadvisor")) {
            ports.put(Setting.CADVISOR_TARGETS.key(), Integer.valueOf(cadvisorPort(s)));
        }
        if (profiles.contains("ha")) {
            for (Setting p : List.of(Setting.HA_PROMETHEUS_PORT_B, Setting.HA_ALERTMANAGER_PORT_B,
                    Setting.VICTORIA_METRICS_PORT)) {
                ports.put(p.key(), s.port(p));
            }
        }
        return ports;
    }

    /**
     * Fails with one line naming the first port another program holds, before anything is written: compose would
     * otherwise start half the services and stop at the first clash with a message about a container.
     */
    public static void requireFreePorts(MonitoringSettings s) {
        ports(s).forEach((key, port) -> Ports.requireFree(publishAddress(s), port, key));
    }

    /** Writes or checks .env and makes the password if it is missing. */
    public void prepare(MonitoringSettings s, long uid, long gid) throws IOException {
        writeEnv(variables(s, uid, gid));
        ensurePassword();
    }

    private void writeEnv(Map<String, String> wanted) throws IOException {
        Path env = envFile();
        if (Files.exists(env) && !Files.readString(env, StandardCharsets.UTF_8).startsWith(HEADER)) {
            Properties mine = new Properties();
            try (var r = Files.newBufferedReader(env, StandardCharsets.UTF_8)) {
                mine.load(r);
            }
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                String value = mine.getProperty(e.getKey());
                if (e.getKey().endsWith("_PORT") && value != null && !value.trim().equals(e.getValue())) {
                    throw new StackException(env + " (written by hand) has " + e.getKey() + "=" + value.trim()
                            + " but the settings say " + e.getValue() + ": delete the file to have it generated");
                }
            }
            out.println("stack: keeping " + env + " (written by hand; it agrees with the settings' ports)");
            return;
        }
        StringBuilder text = new StringBuilder(HEADER);
        wanted.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        AtomicFiles.write(env, text.toString());
    }

    private void ensurePassword() throws IOException {
        Path file = passwordFile();
        if (Files.exists(file)) {
            if (Files.readString(file, StandardCharsets.UTF_8).isBlank()) {
                throw new StackException(file + " is empty: put a password in it, or delete it to have one made");
            }
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        // CREATE_NEW: a password that appeared meanwhile is never overwritten; owner-only from the first byte
        try (SeekableByteChannel ch = Files.newByteChannel(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ch.write(java.nio.ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (FileAlreadyExistsException meanwhile) {
            return;
        }
        out.println("stack: Grafana admin password (user admin): " + password);
        out.println("stack:   kept in " + file + " (owner-only); it is not printed again");
    }
}
