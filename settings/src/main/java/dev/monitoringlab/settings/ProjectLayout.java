package dev.monitoringlab.settings;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in a checkout: the settings file, the secrets folder and the one generated folder. */
public record ProjectLayout(Path root) {

    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The root from the {@code lab.root} system property (set by the build), else the nearest folder up with a stack/. */
    public static ProjectLayout locate() {
        String prop = System.getProperty("lab.root");
        if (prop != null && !prop.isBlank()) {
            return new ProjectLayout(Path.of(prop));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("stack")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return new ProjectLayout(p);
            }
        }
        return new ProjectLayout(dir);
    }

    public Path stackDir() {
        return root.resolve("stack");
    }

    /** The one gitignored folder every generator writes into. */
    public Path generatedDir() {
        return stackDir().resolve("generated");
    }

    public Path secretsDir() {
        return stackDir().resolve("secrets");
    }

    /** Optional local overrides of {@link Setting} values (gitignored). */
    public Path settingsFile() {
        return stackDir().resolve("settings.properties");
    }

    /** The file a secret setting is read from when neither the setting nor its environment variable is set. */
    public Path secretFile(Setting setting) {
        return Secrets.file(this, setting);
    }

    public Path discordWebhookFile() {
        return secretFile(Setting.DISCORD_WEBHOOK_URL);
    }

    public Path slackWebhookFile() {
        return secretFile(Setting.SLACK_WEBHOOK_URL);
    }

    public Path telegramBotTokenFile() {
        return secretFile(Setting.TELEGRAM_BOT_TOKEN);
    }

    public Path telegramChatIdFile() {
        return secretFile(Setting.TELEGRAM_CHAT_ID);
    }

    public Path heartbeatWebhookFile() {
        return secretFile(Setting.HEARTBEAT_WEBHOOK_URL);
    }
}
