package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** alertmanager.yml: the routing tree, the inhibition rules and the receivers the tree names. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AlertmanagerConfig(Route route, List<InhibitRule> inhibitRules, List<Receiver> receivers) {
    public AlertmanagerConfig {
        inhibitRules = List.copyOf(inhibitRules);
        receivers = List.copyOf(receivers);
        for (Route r : route.flatten()) {
            if (receivers.stream().noneMatch(x -> x.name().equals(r.receiver()))) {
                throw new IllegalArgumentException("route names receiver '" + r.receiver() + "', which is not defined");
            }
        }
    }

    /** Without inhibition rules. */
    public AlertmanagerConfig(Route route, List<Receiver> receivers) {
        this(route, List.of(), receivers);
    }
}
