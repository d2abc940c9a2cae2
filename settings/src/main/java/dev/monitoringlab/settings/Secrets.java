package dev.monitoringlab.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a secret (webhook URL, bot token, chat id) comes from, first found wins: the setting itself (tests use it),
 * the environment variable, the file in {@code stack/secrets/}. Variable and file are named after the key:
 * {@code discord.webhook-url} is {@code DISCORD_WEBHOOK_URL} and {@code stack/secrets/discord_webhook_url}.
 */
public final class Secrets {
    /** The settings that are secrets: never in git, normally read from the environment or stack/secrets/. */
    public static final Set<Setting> SETTINGS = EnumSet.of(Setting.DISCORD_WEBHOOK_URL, Setting.SLACK_WEBHOOK_URL,
            Setting.TELEGRAM_BOT_TOKEN, Setting.TELEGRAM_CHAT_ID, Setting.HEARTBEAT_WEBHOOK_URL,
            Setting.MONITORING_WEBHOOK_URL);

    private Secrets() {
    }

    /** {@code discord.webhook-url} -> {@code DISCORD_WEBHOOK_URL}. */
    public static String environmentVariable(Setting setting) {
        return setting.key().toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
    }

    /** {@code discord.webhook-url} -> {@code stack/secrets/discord_webhook_url}. */
    public static Path file(ProjectLayout layout, Setting setting) {
        return layout.secretsDir().resolve(environmentVariable(setting).toLowerCase(Locale.ROOT));
    }

    /**
     * The secret for {@code setting}: {@code direct} (the setting's value) when not blank, else the environment
     * variable, else the file under {@code layout} (not looked at without a layout). Values from the environment or a
     * file are checked like the setting; a bad one is a {@link SettingsException} naming where it came from.
     */
    static MonitoringSettings.Secret resolve(Setting setting, String direct, Map<String, String> env, ProjectLayout layout) {
        if (!direct.isBlank()) {
            return new MonitoringSettings.Secret(Optional.of(direct), "setting " + setting.key());
        }
        String envName = environmentVariable(setting);
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            checked(setting, fromEnv, "environment variable " + envName);
            return new MonitoringSettings.Secret(Optional.of(fromEnv.trim()), "environment variable " + envName);
        }
        if (layout == null) {
            return new MonitoringSettings.Secret(Optional.empty(), "environment variable " + envName);
        }
        Path file = file(layout, setting);
        if (!Files.exists(file)) {
            return new MonitoringSettings.Secret(Optional.empty(), file + " or environment variable " + envName);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new SettingsException("cannot read secret file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw new SettingsException("secret file " + file + " is empty: put the value in it (" + setting.key() + ")");
        }
        checked(setting, text, "secret file " + file);
        return new MonitoringSettings.Secret(Optional.of(text), "file " + file);
    }

    private static void checked(Setting setting, String value, String where) {
        try {
            setting.kind().check(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(where + " " + e.getMessage());
        }
    }
}
