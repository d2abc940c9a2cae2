package dev.monitoringlab.rules.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The routing tree: the root route's timings and receiver, and child routes selected by matchers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Route(String receiver, List<String> groupBy, String groupWait, String groupInterval,
                    String repeatInterval, List<String> matchers, List<Route> routes) {

    /** A child route: alerts matching all {@code matchers} go to {@code receiver}, inheriting the timings. */
    public static Route child(String receiver, String... matchers) {
        return new Route(receiver, null, null, null, null, List.of(matchers), null);
    }

    /** The same route with its own repeat_interval instead of the inherited one. */
    public Route repeatInterval(String interval) {
        return new Route(receiver, groupBy, groupWait, groupInterval, interval, matchers, routes);
    }

    /** This route and every route below it, depth first, in the order Alertmanager tries them. */
    public List<Route> flatten() {
        List<Route> out = new java.util.ArrayList<>(List.of(this));
        if (routes != null) {
            routes.forEach(r -> out.addAll(r.flatten()));
        }
        return out;
    }
}
