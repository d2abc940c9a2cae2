package dev.monitoringlab.rules.alertmanager;

import java.util.List;

/** alertmanager.yml: the routing tree and the receivers it names. */
public record AlertmanagerConfig(Route route, List<Receiver> receivers) {
    public AlertmanagerConfig {
        receivers = List.copyOf(receivers);
        for (String name : names(route)) {
            if (receivers.stream().noneMatch(r -> r.name().equals(name))) {
                throw new IllegalArgumentException("route names receiver '" + name + "', which is not defined");
            }
        }
    }

    private static List<String> names(Route route) {
        List<String> out = new java.util.ArrayList<>(List.of(route.receiver()));
        if (route.routes() != null) {
            route.routes().forEach(r -> out.addAll(names(r)));
        }
        return out;
    }
}
