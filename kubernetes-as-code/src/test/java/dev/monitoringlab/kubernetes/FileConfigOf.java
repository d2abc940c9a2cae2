package dev.monitoringlab.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The way back, written independently of the translation: an AlertmanagerConfig spec as the alertmanager.yml tree
 * it stands for, Secret references replaced by the markers they stand for. If the two agree on every config, the
 * translation lost and invented nothing.
 */
final class FileConfigOf {
    private static final Map<String, String> SECRET_CRD_TO_FILE = Map.of(
            "discordConfigs.apiURL", "webhook_url",
            "slackConfigs.apiURL", "api_url",
            "telegramConfigs.botToken", "bot_token",
            "webhookConfigs.urlSecret", "url");

    private final Map<String, String> markerByKey = new LinkedHashMap<>();

    /** With {@code secrets}, references become their markers; without, {@code secret:<key>}. */
    FileConfigOf(WebhookSecrets secrets) {
        if (secrets != null) {
            secrets.keysByMarker().forEach((marker, key) -> markerByKey.put(key, marker));
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> of(Map<String, Object> spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        spec.forEach((k, v) -> {
            switch (k) {
                case "route" -> out.put("route", route((Map<String, Object>) v));
                case "receivers" -> out.put("receivers", ((List<Object>) v).stream()
                        .map(r -> receiver((Map<String, Object>) r)).toList());
                case "inhibitRules" -> out.put("inhibit_rules", ((List<Object>) v).stream()
                        .map(r -> inhibitRule((Map<String, Object>) r)).toList());
                default -> throw new AssertionError("unexpected spec field " + k);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> route(Map<String, Object> route) {
        Map<String, Object> out = new LinkedHashMap<>();
        route.forEach((k, v) -> {
            switch (k) {
                case "matchers" -> out.put("matchers", matchers(v));
                case "routes" -> out.put("routes", ((List<Object>) v).stream()
                        .map(r -> route((Map<String, Object>) r)).toList());
                default -> out.put(snake(k), v);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> receiver(Map<String, Object> receiver) {
        Map<String, Object> out = new LinkedHashMap<>();
        receiver.forEach((k, v) -> {
            if (k.equals("name")) {
                out.put("name", v);
                return;
            }
            List<Object> configs = new ArrayList<>();
            for (Object c : (List<Object>) v) {
                Map<String, Object> config = new LinkedHashMap<>();
                ((Map<String, Object>) c).forEach((field, value) -> {
                    String secretField = SECRET_CRD_TO_FILE.get(k + "." + field);
                    if (secretField != null) {
                        String key = (String) ((Map<String, Object>) value).get("key");
                        config.put(secretField, markerByKey.getOrDefault(key, "secret:" + key));
                    } else {
                        config.put(snake(field), value);
                    }
                });
                configs.add(config);
            }
            out.put(snake(k), configs);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inhibitRule(Map<String, Object> rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        rule.forEach((k, v) -> out.put(switch (k) {
            case "sourceMatch" -> "source_matchers";
            case "targetMatch" -> "target_matchers";
            default -> snake(k);
        }, k.endsWith("Match") ? matchers(v) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> matchers(Object list) {
        return ((List<Object>) list).stream().map(m -> {
            Map<String, Object> mm = (Map<String, Object>) m;
            return (Object) (mm.get("name") + (String) mm.get("matchType") + "\""
                    + ((String) mm.get("value")).replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }).toList();
    }

    /** {@code apiURL} -> {@code api_url}, {@code chatID} -> {@code chat_id}, {@code sendResolved} -> {@code send_resolved}. */
    static String snake(String camel) {
        return camel.replace("URL", "Url").replace("ID", "Id").replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
