package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A dashboard variable (templating entry), used in queries as {@code $name}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableModel(
        String type,
        String name,
        String label,
        String description,
        DataSourceRef datasource,
        String query,
        String definition,
        Integer refresh,
        Integer sort,
        Boolean multi,
        Boolean includeAll,
        String allValue,
        VariableOption current,
        List<VariableOption> options) {

    /** A value of the variable as the picker shows it. */
    public record VariableOption(boolean selected, List<String> text, List<String> value) {
        public VariableOption {
            text = List.copyOf(text);
            value = List.copyOf(value);
        }
    }
}
