package dev.monitoringlab.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * alertmanager.yml, as the typed model serialises it, into the spec of an AlertmanagerConfig (v1alpha1). The walk is
 * generic: routes at any depth, every receiver and integration, inhibit rules; names go from snake_case to the
 * CRD's camelCase; string matchers become matcher objects; every field that carries a URL or token with a secret in
 * it becomes a reference to a key of the Kubernetes Secret. A field the CRD cannot express stops the build with
 * one line naming it, rather than being dropped.
 */
public final class AlertmanagerTranslation {
    /** Per integration, the fields that hold secrets and the CRD field that references them. */
    private static final Map<String, Map<String, String>> SECRET_FIELDS = Map.of(
            "discord_configs", Map.of("webhook_url", "apiURL"),
            "slack_configs", Map.of("api_url", "apiURL"),
            "telegram_configs", Map.of("bot_token", "botToken"),
            "webhook_configs", Map.of("url", "urlSecret"),
            "msteams_configs", Map.of("webhook_url", "webhookUrl"),
            "pagerduty_configs", Map.of("routing_key", "routingKey", "service_key", "serviceKey"),
            "opsgenie_configs", Map.of("api_key", "apiKey"),
            "pushover_configs", Map.of("user_key", "userKey", "token", "token"));
    /** Integration fields whose value is a template or plain setting but would be mis-cased by the general rule. */
    private static final Map<String, String> RENAMED = Map.of("callback_id", "callbackId");
    /** {@code name="value"}, {@code name=~"regex"}, quotes optional, as Alertmanager parses matchers. */
    private static final Pattern MATCHER = Pattern.compile(
            "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|([^\"\\s,]*))\\s*");

    private final WebhookSecrets secrets;

    public AlertmanagerTranslation(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> spec(Map<String, Object> file) {
        Map<String, Object> spec = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : file.entrySet()) {
            switch (e.getKey()) {
                case "route" -> spec.put("route", route((Map<String, Object>) e.getValue(), "route"));
                case "receivers" -> spec.put("receivers", each(e.getValue(), this::receiver));
                case "inhibit_rules" -> spec.put("inhibitRules", each(e.getValue(), this::inhibitRule));
                default -> throw unsupported("alertmanager.yml field '" + e.getKey() + "'");
            }
        }
        return spec;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> route(Map<String, Object> route, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> matchers = new ArrayList<>();
        for (Map.Entry<String, Object> e : route.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "receiver", "continue" -> out.put(e.getKey(), v);
                case "group_by", "group_wait", "group_interval", "repeat_interval", "mute_time_intervals",
                     "active_time_intervals" -> out.put(camel(e.getKey()), v);
                case "matchers" -> ((List<Object>) v).forEach(m -> matchers.add(matcher((String) m, where)));
                case "match" -> ((Map<String, Object>) v).forEach((k, x) -> matchers.add(matcher(k, "=", (String) x)));
                case "match_re" -> ((Map<String, Object>) v).forEach((k, x) -> matchers.add(matcher(k, "=~", (String) x)));
                case "routes" -> {
                    List<Object> children = new ArrayList<>();
                    List<Object> in = (List<Object>) v;
                    for (int i = 0; i < in.size(); i++) {
                        children.add(route((Map<String, Object>) in.get(i), where + ".routes[" + i + "]"));
                    }
                    out.put("routes", children);
                }
                default -> throw unsupported(where + " field '" + e.getKey() + "'");
            }
        }
        if (!matchers.isEmpty()) {
            out.put("matchers", matchers);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> receiver(Map<String, Object> receiver) {
        String name = (String) receiver.get("name");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : receiver.entrySet()) {
            if (e.getKey().equals("name")) {
                out.put("name", name);
            } else if (e.getKey().endsWith("_configs")) {
                List<Object> configs = new ArrayList<>();
                for (Object c : (List<Object>) e.getValue()) {
                    configs.add(integration(name, e.getKey(), (Map<String, Object>) c));
                }
                out.put(camel(e.getKey()), configs);
            } else {
                throw unsupported("receiver '" + name + "' field '" + e.getKey() + "'");
            }
        }
        return out;
    }

    private Map<String, Object> integration(String receiver, String type, Map<String, Object> config) {
        Map<String, String> secretFields = SECRET_FIELDS.getOrDefault(type, Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String field = e.getKey();
            Object v = e.getValue();
            String plain = field.replaceFirst("_file$", "");
            if (secretFields.containsKey(field)) {
                String key = secrets.keyFor(String.valueOf(v), receiver, field);
                out.put(secretFields.get(field), Tree.map("name", secrets.secretName(), "key", key));
            } else if (field.endsWith("_file") && secretFields.containsKey(plain)) {
                // a secret read from a file on the Alertmanager host: on Kubernetes the Secret key named like the file
                String key = Names.dns1123Label(String.valueOf(v).replaceFirst(".*/", "")).replace('-', '_');
                out.put(secretFields.get(plain), Tree.map("name", secrets.secretName(), "key", key));
            } else if (field.endsWith("_file")) {
                throw unsupported("receiver '" + receiver + "' " + type + " field '" + field + "' (a file on the host)");
            } else if (v instanceof Map || v instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Map)) {
                // http_config, actions, fields...: nested objects with their own spelling and secrets of their own
                throw unsupported("receiver '" + receiver + "' " + type + " field '" + field + "'");
            } else {
                out.put(RENAMED.getOrDefault(field, camel(field)), v);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inhibitRule(Map<String, Object> rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> source = new ArrayList<>();
        List<Object> target = new ArrayList<>();
        for (Map.Entry<String, Object> e : rule.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "source_matchers" -> ((List<Object>) v).forEach(m -> source.add(matcher((String) m, "inhibit_rules")));
                case "target_matchers" -> ((List<Object>) v).forEach(m -> target.add(matcher((String) m, "inhibit_rules")));
                case "source_match" -> ((Map<String, Object>) v).forEach((k, x) -> source.add(matcher(k, "=", (String) x)));
                case "target_match" -> ((Map<String, Object>) v).forEach((k, x) -> target.add(matcher(k, "=", (String) x)));
                case "source_match_re" -> ((Map<String, Object>) v).forEach((k, x) -> source.add(matcher(k, "=~", (String) x)));
                case "target_match_re" -> ((Map<String, Object>) v).forEach((k, x) -> target.add(matcher(k, "=~", (String) x)));
                case "equal" -> out.put("equal", v);
                default -> throw unsupported("inhibit_rules field '" + e.getKey() + "'");
            }
        }
        if (!source.isEmpty()) {
            out.put("sourceMatch", source);
        }
        if (!target.isEmpty()) {
            out.put("targetMatch", target);
        }
        return out;
    }

    /** {@code component="host"} as the CRD's {@code {name, value, matchType}}. */
    static Map<String, Object> matcher(String text, String where) {
        Matcher m = MATCHER.matcher(text);
        if (!m.matches()) {
            throw new KubernetesException(where + ": cannot read the matcher '" + text + "'");
        }
        String value = m.group(4) != null ? m.group(4).replaceAll("\\\\(.)", "$1") : m.group(5);
        return matcher(m.group(1), m.group(2), value);
    }

    private static Map<String, Object> matcher(String name, String type, String value) {
        return Tree.map("name", name, "value", value, "matchType", type);
    }

    /** {@code send_resolved} -> {@code sendResolved}; {@code api_url} -> {@code apiURL}, {@code chat_id} -> {@code chatID}. */
    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        String[] parts = snake.split("_");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == 0) {
                b.append(p);
            } else if (p.equals("url") || p.equals("id")) {
                b.append(p.toUpperCase(java.util.Locale.ROOT));
            } else if (!p.isEmpty()) {
                b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> each(Object list, java.util.function.Function<Map<String, Object>, Object> f) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<Object>) list) {
            out.add(f.apply((Map<String, Object>) o));
        }
        return out;
    }

    private static KubernetesException unsupported(String what) {
        return new KubernetesException(what + " has no translation into an AlertmanagerConfig yet; extend "
                + "AlertmanagerTranslation (kubernetes-as-code)");
    }
}
