package dev.monitoringlab.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one settings object: every threshold, selector, target, duration and port that the generated
 * Prometheus, Alertmanager and Grafana files and the launchers use. Values are checked when loaded, so a
 * generator either gets valid settings or a {@link SettingsException} with one line to show the user.
 */
public final class MonitoringSettings {
    /** System properties with this prefix override settings: {@code -Dlab.model-mock.threshold=0.8}. */
    public static final String SYSTEM_PROPERTY_PREFIX = "lab.";

    private final Map<Setting, String> values;
    private final Map<Setting, Secret> secrets;

    private MonitoringSettings(Map<Setting, String> values, Map<Setting, Secret> secrets) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.secrets = Collections.unmodifiableMap(new EnumMap<>(secrets));
    }

    /** Where a secret came from, or where to put it when it is missing ({@link Secrets} resolves them). */
    public record Secret(Optional<String> value, String source) {
    }

    /** Defaults only, no secrets: what the unit tests of the generators and the promtool tests use. */
    public static MonitoringSettings defaults() {
        return builder().build();
    }

    /** Defaults, then {@code stack/settings.properties}, then {@code lab.*} system properties, then secrets. */
    public static MonitoringSettings load(ProjectLayout layout) {
        Builder b = builder().layout(layout).environment(System.getenv());
        Path file = layout.settingsFile();
        if (Files.isRegularFile(file)) {
            b.overrides(readProperties(file), file.toString());
        }
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX) && !name.equals("lab.root")) {
                b.set(name.substring(SYSTEM_PROPERTY_PREFIX.length()), system.getProperty(name),
                        "system property -D" + name);
            }
        }
        return b.build();
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage());
        }
        Map<String, String> map = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with one value changed (checked like any other override); tests use it for ports and timings. */
    public MonitoringSettings with(Setting setting, String value) {
        Builder b = new Builder();
        b.values.putAll(values);
        b.set(setting.key(), value, "override");
        b.resolved.putAll(secrets);
        b.resolved.remove(setting);
        return b.build();
    }

    public String raw(Setting setting) {
        return values.get(setting);
    }

    public Duration duration(Setting setting) {
        return PromDuration.parse(values.get(setting));
    }

    /** The value as Prometheus writes durations ("3m", "5s"). */
    public String promDuration(Setting setting) {
        return PromDuration.format(duration(setting));
    }

    public double number(Setting setting) {
        return Double.parseDouble(values.get(setting).trim());
    }

    public int port(Setting setting) {
        return Integer.parseInt(values.get(setting).trim());
    }

    public List<String> list(Setting setting) {
        return Arrays.stream(values.get(setting).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // Typed accessors for the values used in more than one place.

    public Duration scrapeInterval() {
        return duration(Setting.SCRAPE_INTERVAL);
    }

    public Duration evaluationInterval() {
        return duration(Setting.EVALUATION_INTERVAL);
    }

    public double modelMockThreshold() {
        return number(Setting.MODEL_MOCK_THRESHOLD);
    }

    public double hostCpuThresholdPercent() {
        return number(Setting.HOST_CPU_THRESHOLD_PERCENT);
    }

    public double storeSuccessThreshold() {
        return number(Setting.STORE_SUCCESS_THRESHOLD);
    }

    public String modelMockTarget() {
        return "localhost:" + port(Setting.MODEL_MOCK_PORT);
    }

    public String storeModelTarget() {
        return "localhost:" + port(Setting.STORE_MODEL_PORT);
    }

    public String alertmanagerTarget() {
        return "localhost:" + port(Setting.ALERTMANAGER_PORT);
    }

    /** Label matchers, e.g. {@code job="node"}, to put inside a PromQL selector's braces. */
    public String selector(Setting setting) {
        if (setting.kind() != Setting.Kind.SELECTOR) {
            throw new IllegalArgumentException(setting.key() + " is not a selector");
        }
        return values.get(setting).trim();
    }

    public List<String> nodeTargets() {
        return list(Setting.NODE_TARGETS);
    }

    /** One of {@link Secrets#SETTINGS}, resolved from the setting, the environment or stack/secrets/. */
    public Secret secret(Setting setting) {
        Secret s = secrets.get(setting);
        if (s == null) {
            throw new IllegalArgumentException(setting.key() + " is not a secret");
        }
        return s;
    }

    public Secret discordWebhook() {
        return secret(Setting.DISCORD_WEBHOOK_URL);
    }

    public Secret slackWebhook() {
        return secret(Setting.SLACK_WEBHOOK_URL);
    }

    public Secret telegramBotToken() {
        return secret(Setting.TELEGRAM_BOT_TOKEN);
    }

    public Secret telegramChatId() {
        return secret(Setting.TELEGRAM_CHAT_ID);
    }

    /** The dead man's switch the always-firing Watchdog alert is sent to; empty: it is sent nowhere. */
    public Secret heartbeatWebhook() {
        return secret(Setting.HEARTBEAT_WEBHOOK_URL);
    }

    /** Where TargetDown and the other alerts about the monitoring go; empty: they stay in Alertmanager. */
    public Secret monitoringWebhook() {
        return secret(Setting.MONITORING_WEBHOOK_URL);
    }

    public List<String> cadvisorTargets() {
        return list(Setting.CADVISOR_TARGETS);
    }

    public boolean flag(Setting setting) {
        if (setting.kind() != Setting.Kind.BOOLEAN) {
            throw new IllegalArgumentException(setting.key() + " is not true/false");
        }
        return Boolean.parseBoolean(values.get(setting).trim());
    }

    /** Collects overrides, then checks them all at once in {@link #build()}. */
    public static final class Builder {
        private final Map<Setting, String> values = new EnumMap<>(Setting.class);
        private final Map<Setting, String> sources = new EnumMap<>(Setting.class);
        private ProjectLayout layout;
        private Map<String, String> env = Map.of();
        /** Secrets carried over by {@link #with}, so a copy does not read the environment and files again. */
        private final Map<Setting, Secret> resolved = new EnumMap<>(Setting.class);

        private Builder() {
            for (Setting s : Setting.values()) {
                values.put(s, s.defaultValue());
                sources.put(s, "default");
            }
        }

        /** Enables reading secrets from the secrets folder. */
        public Builder layout(ProjectLayout layout) {
            this.layout = layout;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        public Builder overrides(Map<String, String> overrides, String source) {
            overrides.forEach((k, v) -> set(k, v, source));
            return this;
        }

        public Builder set(Setting setting, String value) {
            return set(setting.key(), value, "override");
        }

        public Builder set(String key, String value, String source) {
            Setting s = Setting.byKey(key.trim()).orElseThrow(() -> new SettingsException(
                    "unknown setting '" + key + "' (from " + source + "); see stack/settings.example.properties"));
            values.put(s, value == null ? "" : value.trim());
            sources.put(s, source);
            return this;
        }

        public MonitoringSettings build() {
            for (Map.Entry<Setting, String> e : values.entrySet()) {
                try {
                    e.getKey().check(e.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new SettingsException("invalid setting " + e.getKey().key() + "=" + e.getValue()
                            + " (from " + sources.get(e.getKey()) + "): " + ex.getMessage());
                }
            }
            Map<Setting, Secret> secrets = new EnumMap<>(Setting.class);
            for (Setting secret : Secrets.SETTINGS) {
                secrets.put(secret, resolved.containsKey(secret) ? resolved.get(secret)
                        : Secrets.resolve(secret, values.get(secret), env, layout));
            }
            return new MonitoringSettings(values, secrets);
        }
    }
}
