package dev.monitoringlab.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A whole dashboard in Grafana's JSON model (schemaVersion 41, Grafana 12). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(
        String uid,
        String title,
        String description,
        List<String> tags,
        String timezone,
        boolean editable,
        int graphTooltip,
        Time time,
        String refresh,
        int schemaVersion,
        int version,
        Templating templating,
        Annotations annotations,
        List<DashboardPanel> panels) {

    public static final int SCHEMA_VERSION = 41;

    public Dashboard {
        tags = List.copyOf(tags);
        panels = List.copyOf(panels);
    }

    /** The default time range, e.g. now-15m .. now. */
    public record Time(String from, String to) {
    }

    public record Templating(List<VariableModel> list) {
        public Templating {
            list = List.copyOf(list);
        }
    }

    /** Annotation queries; empty, Grafana adds its built-in "Annotations & Alerts" itself. */
    public record Annotations(List<Object> list) {
        public Annotations {
            list = List.copyOf(list);
        }
    }

    /** The visualisation panels, in order, without row headers. */
    public List<Panel> visualisations() {
        return panels.stream().filter(Panel.class::isInstance).map(Panel.class::cast).toList();
    }
}
