package dev.monitoringlab.stack.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Behaves like the Telegram Bot API for what Alertmanager's {@code telegram_configs} calls: {@code POST
 * /bot<token>/sendMessage} with JSON. Like the real API it answers a wrong token 401 "Unauthorized", an unknown
 * method 404, a missing chat id, an unknown chat, an empty or over-long text (4096) or malformed HTML (with
 * parse_mode HTML) 400 "Bad Request: ...", all as {"ok":false,"error_code":...,"description":...}; a sent message
 * is answered {"ok":true,"result":{message}}. {@code getMe} is answered too. Only JSON bodies are taken (the real
 * API also takes form data, which Alertmanager does not send).
 */
public final class FakeTelegram extends WebhookSink {
    public static final String TOKEN = "1234567890:AAlocalTestTokenForTheLabOnly_0123456";
    public static final long CHAT_ID = -1001234567890L;
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Set<String> HTML_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "tg-emoji", "blockquote");
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z-]+)[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);");
    private final AtomicLong messageIds = new AtomicLong(1);

    /** The base URL to configure as {@code api_url}. */
    @Override
    public String url() {
        return base();
    }

    @Override
    protected Optional<Answer> answerWithoutRecording(String path, JsonNode payload) {
        Matcher m = PATH.matcher(path);
        if (m.matches() && m.group(1).equals(TOKEN) && m.group(2).equals("getMe")) {
            ObjectNode bot = JSON.createObjectNode().put("id", 1234567890L).put("is_bot", true)
                    .put("first_name", "lab alerts").put("username", "lab_alerts_bot");
            return Optional.of(ok(bot));
        }
        return Optional.empty();
    }

    @Override
    protected Optional<Answer> reject(String path, JsonNode p) {
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !m.group(1).equals(TOKEN)) {
            return Optional.of(error(401, "Unauthorized"));
        }
        if (!m.group(2).equals("sendMessage")) {
            return Optional.of(error(404, "Not Found"));
        }
        String chat = p.path("chat_id").asText();
        if (chat.isEmpty()) {
            return Optional.of(error(400, "Bad Request: chat_id is empty"));
        }
        if (!chat.equals(String.valueOf(CHAT_ID))) {
            return Optional.of(error(400, "Bad Request: chat not found"));
        }
        String text = p.path("text").asText();
        if (text.isBlank()) {
            return Optional.of(error(400, "Bad Request: message text is empty"));
        }
        if (text.codePointCount(0, text.length()) > 4096) {
            return Optional.of(error(400, "Bad Request: message is too long"));
        }
        String mode = p.path("parse_mode").asText();
        if (!mode.isEmpty() && !Set.of("HTML", "Markdown", "MarkdownV2").contains(mode)) {
            return Optional.of(error(400, "Bad Request: unsupported parse_mode"));
        }
        if (mode.equals("HTML")) {
            return htmlProblem(text).map(why -> error(400, "Bad Request: can't parse entities: " + why));
        }
        return Optional.empty();
    }

    /** Telegram's HTML mode: only its tags, and every other '<', '>' and '&' written as an entity. */
    static Optional<String> htmlProblem(String text) {
        Matcher tags = TAG.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (tags.find()) {
            if (!HTML_TAGS.contains(tags.group(1).toLowerCase())) {
                return Optional.of("unsupported start tag \"" + tags.group(1) + "\" at byte offset " + tags.start());
            }
            rest.append(text, last, tags.start());
            last = tags.end();
        }
        rest.append(text.substring(last));
        String plain = ENTITY.matcher(rest).replaceAll("");
        int bad = plain.indexOf('<') >= 0 ? plain.indexOf('<') : plain.indexOf('&');
        if (bad >= 0) {
            return Optional.of("character '" + plain.charAt(bad) + "' must be escaped as an HTML entity");
        }
        return Optional.empty();
    }

    @Override
    protected Answer accepted() {
        return ok(JSON.createObjectNode());
    }

    @Override
    protected Answer accepted(JsonNode payload) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageIds.getAndIncrement())
                .put("date", java.time.Instant.now().getEpochSecond()).put("text", payload.path("text").asText());
        message.putObject("from").put("id", 1234567890L).put("is_bot", true).put("first_name", "lab alerts");
        message.putObject("chat").put("id", CHAT_ID).put("type", "supergroup").put("title", "lab alerts");
        return ok(message);
    }

    @Override
    protected Answer answerFor(int status, String reason) {
        return error(status, status == 400 ? "Bad Request: " + reason : reason);
    }

    private static Answer ok(JsonNode result) {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.set("result", result);
        return new Answer(200, "application/json", body.toString());
    }

    private static Answer error(int status, String description) {
        return new Answer(status, "application/json", JSON.createObjectNode().put("ok", false)
                .put("error_code", status).put("description", description).toString());
    }

    /** First line of the text: with our message template, Alertmanager's "[FIRING:1] Alertname ..." subject. */
    public static String title(Message m) {
        return m.payload().path("text").asText().lines().findFirst().orElse("");
    }
}
