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
    private final Secret discordWebhook;
    private final Secret slackWebhook;
    private final Secret telegramBotToken;
    private final Secret telegramChatId;
    private final Secret heartbeatWebhook;
    private final Secret monitoringWebhook;

    private MonitoringSettings(Map<Setting, String> values, Secret discordWebhook, Secret slackWebhook,
                               Secret telegramBotToken, Secret telegramChatId, Secret heartbeatWebhook,
                               Secret monitoringWebhook) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.discordWebhook = discordWebhook;
        this.slackWebhook = slackWebhook;
        this.telegramBotToken = telegramBotToken;
        this.telegramChatId = telegramChatId;
        this.heartbeatWebhook = heartbeatWebhook;
        this.monitoringWebhook = monitoringWebhook;
    }

    /** Where a webhook URL came from, or where to put it when it is missing. */
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
        b.discord = setting == Setting.DISCORD_WEBHOOK_URL ? null : discordWebhook;
        b.slack = setting == Setting.SLACK_WEBHOOK_URL ? null : slackWebhook;
        b.telegramToken = setting == Setting.TELEGRAM_BOT_TOKEN ? null : telegramBotToken;
        b.telegramChat = setting == Setting.TELEGRAM_CHAT_ID ? null : telegramChatId;
        b.heartbeat = setting == Setting.HEARTBEAT_WEBHOOK_URL ? null : heartbeatWebhook;
        b.monitoring = setting == Setting.MONITORING_WEBHOOK_URL ? null : monitoringWebhook;
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

    public Secret discordWebhook() {
        return discordWebhook;
    }

    public Secret slackWebhook() {
        return slackWebhook;
    }

    public Secret telegramBotToken() {
        return telegramBotToken;
    }

    public Secret telegramChatId() {
        return telegramChatId;
    }

    /** The dead man's switch the always-firing Watchdog alert is sent to; empty: it is sent nowhere. */
    public Secret heartbeatWebhook() {
        return heartbeatWebhook;
    }

    /** Where TargetDown and the other alerts about the monitoring go; empty: they stay in Alertmanager. */
    public Secret monitoringWebhook() {
        return monitoringWebhook;
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
        private Secret discord;
        private Secret slack;
        private Secret telegramToken;
        private Secret telegramChat;
        private Secret heartbeat;
        private Secret monitoring;

        private Builder() {
            for (Setting s : Setting.values()) {
                values.put(s, s.defaultValue());
                sources.put(s, "default");
            }
        }

        /** Enables reading webhook URLs from the secrets folder. */
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
            Secret d = discord != null ? discord : resolve(Setting.DISCORD_WEBHOOK_URL, "DISCORD_WEBHOOK_URL",
                    layout == null ? null : layout.discordWebhookFile());
            Secret s = slack != null ? slack : resolve(Setting.SLACK_WEBHOOK_URL, "SLACK_WEBHOOK_URL",
                    layout == null ? null : layout.slackWebhookFile());
            Secret tt = telegramToken != null ? telegramToken : resolve(Setting.TELEGRAM_BOT_TOKEN, "TELEGRAM_BOT_TOKEN",
                    layout == null ? null : layout.telegramBotTokenFile());
            Secret tc = telegramChat != null ? telegramChat : resolve(Setting.TELEGRAM_CHAT_ID, "TELEGRAM_CHAT_ID",
                    layout == null ? null : layout.telegramChatIdFile());
            Secret hb = heartbeat != null ? heartbeat : resolve(Setting.HEARTBEAT_WEBHOOK_URL, "HEARTBEAT_WEBHOOK_URL",
                    layout == null ? null : layout.heartbeatWebhookFile());
            Secret mon = monitoring != null ? monitoring : resolve(Setting.MONITORING_WEBHOOK_URL,
                    "MONITORING_WEBHOOK_URL", layout == null ? null : layout.monitoringWebhookFile());
            return new MonitoringSettings(values, d, s, tt, tc, hb, mon);
        }

        /** The check a secret's value must pass, by the kind of its setting. */
        private static void checkSecret(Setting setting, String value) {
            switch (setting.kind()) {
                case OPTIONAL_TELEGRAM_TOKEN -> Setting.checkTelegramToken(value);
                case OPTIONAL_CHAT_ID -> Setting.checkChatId(value);
                default -> Setting.checkUrl(value);
            }
        }

        private Secret resolve(Setting setting, String envName, Path file) {
            String direct = values.get(setting);
            if (!direct.isBlank()) {
                return new Secret(Optional.of(direct), "setting " + setting.key());
            }
            String fromEnv = env.get(envName);
            if (fromEnv != null && !fromEnv.isBlank()) {
                try {
                    checkSecret(setting, fromEnv);
                } catch (IllegalArgumentException e) {
                    throw new SettingsException("environment variable " + envName + " " + e.getMessage());
                }
                return new Secret(Optional.of(fromEnv.trim()), "environment variable " + envName);
            }
            if (file == null) {
                return new Secret(Optional.empty(), "environment variable " + envName);
            }
            if (!Files.exists(file)) {
                return new Secret(Optional.empty(), file + " or environment variable " + envName);
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new SettingsException("cannot read secret file " + file + ": " + e.getMessage());
            }
            if (text.isEmpty()) {
                throw new SettingsException("secret file " + file + " is empty: put the value in it ("
                        + setting.key() + ")");
            }
            try {
                checkSecret(setting, text);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("secret file " + file + " " + e.getMessage());
            }
            return new Secret(Optional.of(text), "file " + file);
        }
    }
}
