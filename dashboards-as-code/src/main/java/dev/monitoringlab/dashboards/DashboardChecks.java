package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.cog.variants.Dataquery;
import dev.monitoringlab.dashboards.foundation.common.DataSourceRef;
import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.FieldConfig;
import dev.monitoringlab.dashboards.foundation.dashboard.GridPos;
import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.PanelOrRowPanel;
import dev.monitoringlab.dashboards.foundation.dashboard.Threshold;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsMode;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Grafana would accept but show wrongly (or not at all), refused before anything is written: duplicate
 * dashboard uids (one silently replaces the other), a datasource that is not the provisioned one ("datasource
 * not found"), a threshold outside the axis range (the red line is never drawn), panels that overflow the
 * 24-column grid or overlap (Grafana moves them around). Reads the SDK model's public fields (and a panel
 * entry's members through {@link PanelEntries}), so it checks the real SDK's dashboards unchanged.
 */
public final class DashboardChecks {
    /** What Grafana accepts as a dashboard uid: up to 40 letters, digits, '-' and '_'. */
    static final int MAX_UID_LENGTH = 40;
    private static final java.util.regex.Pattern UID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int COLUMNS = 24;

    private DashboardChecks() {
    }

    /** Throws {@link DashboardException} listing every problem, or returns when there is none. */
    public static void requireValid(List<Dashboard> dashboards, DataSourceRef provisioned) {
        List<String> problems = problems(dashboards, provisioned);
        if (!problems.isEmpty()) {
            throw new DashboardException(String.join("; ", problems));
        }
    }

    public static List<String> problems(List<Dashboard> dashboards, DataSourceRef provisioned) {
        List<String> problems = new ArrayList<>();
        Map<String, String> titleByUid = new HashMap<>();
        for (Dashboard d : dashboards) {
            String where = "dashboard '" + d.title + "' (uid " + d.uid + ")";
            if (d.uid == null || !UID.matcher(d.uid).matches()) {
                problems.add(where + ": uid must be 1-" + MAX_UID_LENGTH + " characters of A-Z, a-z, 0-9, - and _");
            } else {
                String other = titleByUid.putIfAbsent(d.uid, d.title);
                if (other != null) {
                    problems.add(where + ": duplicate uid, also used by dashboard '" + other + "'");
                }
            }
            if (d.tags == null || !d.tags.contains(Common.GENERATED_TAG)) {
                problems.add(where + ": missing tag '" + Common.GENERATED_TAG + "'");
            }
            List<VariableModel> variables = d.templating != null && d.templating.list != null
                    ? d.templating.list : List.of();
            for (VariableModel v : variables) {
                checkDatasource(problems, where + ", variable '" + v.name + "'", v.datasource, provisioned);
            }
            checkPanels(problems, where, d.panels != null ? d.panels : List.of(), provisioned);
        }
        return problems;
    }

    private static void checkPanels(List<String> problems, String where, List<PanelOrRowPanel> panels,
                                    DataSourceRef provisioned) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < panels.size(); i++) {
            PanelOrRowPanel p = panels.get(i);
            String at = where + ", panel '" + title(p) + "'";
            Panel panel = PanelEntries.panel(p);
            Integer id = panel != null ? panel.id : PanelEntries.rowPanel(p).id;
            if (id == null) {
                problems.add(at + ": no panel id");
            } else if (!ids.add(id)) {
                problems.add(at + ": duplicate panel id " + id);
            }
            GridPos g = gridPos(p);
            if (g == null || g.x == null || g.y == null || g.w == null || g.h == null) {
                problems.add(at + ": no complete gridPos (h, w, x, y)");
                continue;
            }
            if (g.x < 0 || g.y < 0 || g.w < 1 || g.h < 1 || g.x + g.w > COLUMNS) {
                problems.add(at + ": gridPos x=" + g.x + " w=" + g.w + " does not fit the "
                        + COLUMNS + "-column grid (needs x >= 0, w >= 1, x + w <= " + COLUMNS + ")");
            }
            for (int j = 0; j < i; j++) {
                GridPos q = gridPos(panels.get(j));
                if (q != null && q.x != null && q.y != null && q.w != null && q.h != null && overlap(g, q)) {
                    problems.add(at + ": overlaps panel '" + title(panels.get(j)) + "'");
                }
            }
            if (panel != null) {
                checkPanel(problems, at, panel, provisioned);
            }
        }
    }

    private static void checkPanel(List<String> problems, String at, Panel panel, DataSourceRef provisioned) {
        checkDatasource(problems, at, panel.datasource, provisioned);
        List<Dataquery> targets = panel.targets != null ? panel.targets : List.of();
        for (Dataquery t : targets) {
            if (t instanceof dev.monitoringlab.dashboards.foundation.prometheus.Dataquery q) {
                checkDatasource(problems, at + ", target " + q.refId, q.datasource, provisioned);
            } else {
                problems.add(at + ": a " + t.getClass().getName() + " target, not a Prometheus one");
            }
        }
        if (targets.isEmpty()) {
            problems.add(at + ": has no targets");
        }
        if (panel.fieldConfig != null && panel.fieldConfig.defaults != null) {
            checkThresholds(problems, at, panel.fieldConfig.defaults);
        }
    }

    private static String title(PanelOrRowPanel p) {
        Panel panel = PanelEntries.panel(p);
        return panel != null ? panel.title : PanelEntries.rowPanel(p).title;
    }

    private static GridPos gridPos(PanelOrRowPanel p) {
        Panel panel = PanelEntries.panel(p);
        return panel != null ? panel.gridPos : PanelEntries.rowPanel(p).gridPos;
    }

    private static boolean overlap(GridPos a, GridPos b) {
        return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    }

    private static void checkDatasource(List<String> problems, String at, DataSourceRef ref,
                                        DataSourceRef provisioned) {
        if (ref == null) {
            problems.add(at + ": no datasource (the provisioned one has uid " + provisioned.uid + ")");
        } else if (!Objects.equals(ref.uid, provisioned.uid) || !Objects.equals(ref.type, provisioned.type)) {
            problems.add(at + ": datasource " + ref.type + "/" + ref.uid + " is not the provisioned "
                    + provisioned.type + "/" + provisioned.uid);
        }
    }

    private static void checkThresholds(List<String> problems, String at, FieldConfig f) {
        if (f.thresholds == null || f.thresholds.steps == null) {
            return;
        }
        boolean absolute = f.thresholds.mode == ThresholdsMode.ABSOLUTE;
        List<Threshold> steps = f.thresholds.steps;
        for (int i = 0; i < steps.size(); i++) {
            Double v = steps.get(i).value;
            if (i == 0) {
                if (v != null) {
                    problems.add(at + ": the first threshold step is the base and must have value null");
                }
                continue;
            }
            if (v == null) {
                problems.add(at + ": threshold step " + i + " has no value");
            } else if (absolute && ((f.min != null && v < f.min) || (f.max != null && v > f.max))) {
                problems.add(at + ": threshold " + v + " is outside the axis range [" + f.min + ", " + f.max
                        + "], so its line would never be drawn");
            } else if (steps.get(i - 1).value != null && v <= steps.get(i - 1).value) {
                problems.add(at + ": threshold steps must increase (" + v + " after " + steps.get(i - 1).value + ")");
            }
        }
    }
}
