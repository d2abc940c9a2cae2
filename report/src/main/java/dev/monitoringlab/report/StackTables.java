package dev.monitoringlab.report;

import dev.monitoringlab.stack.AlertmanagerApi;
import dev.monitoringlab.stack.PrometheusApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The targets' health and the alerts, as Prometheus and Alertmanager list them at the time of capture. */
public final class StackTables {
    private StackTables() {
    }

    public static String targets(List<PrometheusApi.Target> targets, Instant at) {
        List<List<String>> rows = new ArrayList<>();
        targets.stream().sorted(Comparator.comparing(PrometheusApi.Target::job).thenComparing(PrometheusApi.Target::instance))
                .forEach(t -> rows.add(List.of(t.job(), t.instance(), t.health(), t.lastError())));
        long up = targets.stream().filter(t -> t.health().equals("up")).count();
        return "Targets at " + Machine.stamp(at) + ": " + up + " of " + targets.size() + " up.\n\n"
                + Markdown.table(List.of("job", "instance", "health", "last error"), rows);
    }

    public static String alerts(List<PrometheusApi.Alert> prometheus, List<AlertmanagerApi.Alert> alertmanager,
                                Instant at) {
        StringBuilder sb = new StringBuilder();
        sb.append("Alerts at ").append(Machine.stamp(at)).append(".\n\n### In Prometheus (rules evaluated)\n\n");
        if (prometheus.isEmpty()) {
            sb.append("No alert is pending or firing.\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            prometheus.stream().sorted(Comparator.comparing(PrometheusApi.Alert::name))
                    .forEach(a -> rows.add(List.of(a.name(), a.state(), a.labels().getOrDefault("instance", ""),
                            a.activeAt().toString(), String.format("%.3f", a.value()))));
            sb.append(Markdown.table(List.of("alert", "state", "instance", "active since", "value"), rows));
        }
        sb.append("\n### In Alertmanager (received, routed to receivers)\n\n");
        if (alertmanager.isEmpty()) {
            sb.append("Alertmanager holds no active alert.\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            alertmanager.stream().sorted(Comparator.comparing(AlertmanagerApi.Alert::name))
                    .forEach(a -> rows.add(List.of(a.name(), a.state(), a.labels().getOrDefault("component", ""),
                            a.startsAt(), a.annotations().getOrDefault("summary", ""))));
            sb.append(Markdown.table(List.of("alert", "state", "component", "starts at", "summary"), rows));
        }
        return sb.toString();
    }
}
