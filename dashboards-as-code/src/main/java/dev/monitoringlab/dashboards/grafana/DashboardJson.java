package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Serialises the dashboard model to the JSON Grafana provisions: stable key order, two-space indent. */
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
            // Only plain records, lists and strings are serialised, so this is a programming error.
            throw new IllegalStateException("cannot serialise dashboard " + dashboard.uid(), e);
        }
    }
}
