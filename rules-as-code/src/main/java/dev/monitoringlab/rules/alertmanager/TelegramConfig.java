package dev.monitoringlab.rules.alertmanager;

/**
 * {@code telegram_configs} entry (Alertmanager 0.24+): the bot posts {@code message} to {@code chat_id} through the
 * Bot API at {@code api_url}. Alertmanager 0.25 takes the token only inline, like the Discord URL, so the file that
 * holds it is written owner-only.
 */
public record TelegramConfig(String apiUrl, String botToken, long chatId, String parseMode, String message,
                             boolean sendResolved) {

    /** The first line is Alertmanager's own subject, "[FIRING:1] Alertname (labels)", as in the Discord title. */
    public static final String MESSAGE = "{{ template \"__subject\" . }}\n{{ range .Alerts }}{{ .Annotations.description }}\n{{ end }}";

    public static TelegramConfig of(String apiUrl, String botToken, String chatId, boolean sendResolved) {
        return new TelegramConfig(apiUrl, botToken, Long.parseLong(chatId.trim()), "HTML", MESSAGE, sendResolved);
    }
}
