package dev.monitoringlab.kubernetes;

import dev.monitoringlab.rules.Routing;
import dev.monitoringlab.settings.MonitoringSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routes, receivers and inhibit rules of alertmanager.yml as one AlertmanagerConfig, secrets by reference. */
public final class AlertmanagerConfigs {
    public static final String NAME = "monitoring-lab";

    private AlertmanagerConfigs() {
    }

    public static Resource of(MonitoringSettings s) {
        WebhookSecrets secrets = WebhookSecrets.of(s);
        Map<String, Object> file = WebhookSecrets.asConfiguredHere(
                TypedTrees.of(Routing.alertmanagerConfig(secrets.settings())), TypedTrees.of(Routing.alertmanagerConfig(s)));
        Map<String, Object> spec = new AlertmanagerTranslation(secrets).spec(file);
        refuseInlinedSecrets(spec, s, secrets);
        return Resource.builder(Resource.API_MONITORING_ALPHA, "AlertmanagerConfig", NAME, s)
                .field("spec", spec)
                .build();
    }

    /** The Secret keys the AlertmanagerConfig reads, in order of first use. */
    @SuppressWarnings("unchecked")
    public static List<String> secretKeys(Object tree) {
        List<String> keys = new ArrayList<>();
        if (tree instanceof Map<?, ?> m) {
            if (m.size() == 2 && m.containsKey("name") && m.containsKey("key")) {
                keys.add((String) m.get("key"));
            }
            ((Map<String, Object>) m).values().forEach(v -> secretKeys(v).stream().filter(k -> !keys.contains(k))
                    .forEach(keys::add));
        } else if (tree instanceof List<?> l) {
            l.forEach(v -> secretKeys(v).stream().filter(k -> !keys.contains(k)).forEach(keys::add));
        }
        return keys;
    }

    /** A last guard: neither a marker nor any secret this machine holds may appear anywhere in the object. */
    private static void refuseInlinedSecrets(Map<String, Object> spec, MonitoringSettings s, WebhookSecrets secrets) {
        List<String> forbidden = new ArrayList<>(secrets.markers());
        for (MonitoringSettings.Secret secret : List.of(s.discordWebhook(), s.slackWebhook(), s.telegramBotToken())) {
            secret.value().filter(v -> !v.isBlank()).ifPresent(forbidden::add);
        }
        Optional<String> leak = strings(spec).stream().filter(str -> forbidden.stream().anyMatch(str::contains)).findFirst();
        if (leak.isPresent()) {
            throw new KubernetesException("a secret value would be written into the AlertmanagerConfig; every webhook URL"
                    + " and token must be a Secret reference (see AlertmanagerTranslation)");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object tree) {
        List<String> out = new ArrayList<>();
        if (tree instanceof String str) {
            out.add(str);
        } else if (tree instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).values().forEach(v -> out.addAll(strings(v)));
        } else if (tree instanceof List<?> l) {
            l.forEach(v -> out.addAll(strings(v)));
        }
        return out;
    }
}
