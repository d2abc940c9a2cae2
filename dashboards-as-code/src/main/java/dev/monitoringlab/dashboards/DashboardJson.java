package dev.monitoringlab.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;

/**
 * The dashboard JSON Grafana provisions: the SDK's model serialised with a two-space indent, one array element
 * per line and a final newline, so generated files diff cleanly. ({@code Dashboard.toJSON()} gives the same
 * tree in Jackson's default layout.)
 */
public final class DashboardJson {
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private DashboardJson() {
    }

    public static String write(Dashboard dashboard) {
        try {
            return WRITER.writeValueAsString(dashboard) + "\n";
        } catch (JsonProcessingException e) {
            // Only plain model objects, lists and strings are serialised, so this is a programming error.
            throw new IllegalStateException("cannot serialise dashboard " + dashboard.uid, e);
        }
    }
}
