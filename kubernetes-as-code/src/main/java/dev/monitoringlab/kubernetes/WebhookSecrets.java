package dev.monitoringlab.kubernetes;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook URLs and tokens never enter a manifest. The Alertmanager model is built from settings whose secrets are
 * replaced by markers, one per key of the Kubernetes Secret; the translation turns each marker back into a
 * reference to that key. The keys are the file names of stack/secrets/ (named after the setting), so
 * {@code kubectl create secret generic NAME --from-file=stack/secrets/discord_webhook_url ...} fills the Secret.
 * An integration is kept only where the file config has it too (its URL or token is configured here): a
 * reference to a key the Secret lacks would make the operator reject the whole AlertmanagerConfig.
 */
public final class WebhookSecrets {
    private final String secretName;
    private final MonitoringSettings settings;
    private final Map<String, String> keyByMarker = new LinkedHashMap<>();

    private WebhookSecrets(MonitoringSettings s) {
        this.secretName = s.raw(Setting.KUBERNETES_WEBHOOK_SECRET);
        MonitoringSettings marked = s;
        // every webhook URL setting, including ones added later (a heartbeat, another chat), is a Secret key
        for (Setting setting : Setting.values()) {
            if (setting.kind() == Setting.Kind.OPTIONAL_URL && setting.key().endsWith(".webhook-url")) {
                marked = marked.with(setting, urlMarker(keyOf(setting)));
            }
        }
        // Telegram needs its chat id inline (an integer in the CRD, not a secret); without one there is no Telegram.
        Optional<String> chat = s.telegramChatId().value();
        if (chat.isPresent()) {
            marked = marked.with(Setting.TELEGRAM_BOT_TOKEN, tokenMarker(keyOf(Setting.TELEGRAM_BOT_TOKEN)));
            marked = marked.with(Setting.TELEGRAM_CHAT_ID, chat.get());
        }
        this.settings = marked;
    }

    /** {@code discord.webhook-url} -> {@code discord_webhook_url}: the name of its file under stack/secrets/. */
    static String keyOf(Setting setting) {
        return setting.key().replaceAll("[.-]", "_");
    }

    public static WebhookSecrets of(MonitoringSettings s) {
        return new WebhookSecrets(s);
    }

    /** The settings to build the Alertmanager model from: every secret a marker. */
    public MonitoringSettings settings() {
        return settings;
    }

    public String secretName() {
        return secretName;
    }

    /**
     * The receivers of {@code marked} (built from {@link #settings()}) with only the integrations {@code here} (built
     * from this machine's settings) also has, so the Kubernetes side sends where the file config sends.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asConfiguredHere(Map<String, Object> marked, Map<String, Object> here) {
        Map<String, Map<String, Object>> hereByName = new LinkedHashMap<>();
        for (Object r : (List<Object>) here.getOrDefault("receivers", List.of())) {
            hereByName.put((String) ((Map<String, Object>) r).get("name"), (Map<String, Object>) r);
        }
        Map<String, Object> out = new LinkedHashMap<>(marked);
        List<Object> receivers = new java.util.ArrayList<>();
        for (Object r : (List<Object>) marked.getOrDefault("receivers", List.of())) {
            Map<String, Object> receiver = new LinkedHashMap<>((Map<String, Object>) r);
            Map<String, Object> same = hereByName.getOrDefault((String) receiver.get("name"), Map.of());
            receiver.keySet().removeIf(k -> !k.equals("name") && !same.containsKey(k));
            receivers.add(receiver);
        }
        if (marked.containsKey("receivers")) {
            out.put("receivers", receivers);
        }
        return out;
    }

    /** The Secret key a value stands for: its marker's key, or a name made from where it sits when it is unknown. */
    public String keyFor(String value, String receiver, String field) {
        String key = keyByMarker.get(value);
        return key != null ? key : Names.dns1123Label(receiver + "-" + field).replace('-', '_');
    }

    /** Every marker and the key it stands for (tests turn references back into the markers with it). */
    public Map<String, String> keysByMarker() {
        return Map.copyOf(keyByMarker);
    }

    public List<String> markers() {
        return List.copyOf(keyByMarker.keySet());
    }

    private String urlMarker(String key) {
        String marker = "https://kubernetes-secret.invalid/" + key;
        keyByMarker.put(marker, key);
        return marker;
    }

    /** Shaped like a bot token (digits, colon, 20+ characters) so the settings accept it. */
    private String tokenMarker(String key) {
        String marker = "0:kubernetes-secret-" + key.replace('_', '-');
        keyByMarker.put(marker, key);
        return marker;
    }
}
