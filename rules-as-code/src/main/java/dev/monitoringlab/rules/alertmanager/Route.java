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
}
