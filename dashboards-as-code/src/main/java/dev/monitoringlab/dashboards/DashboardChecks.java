package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.grafana.Dashboard;
import dev.monitoringlab.dashboards.grafana.DashboardPanel;
import dev.monitoringlab.dashboards.grafana.DataSourceRef;
import dev.monitoringlab.dashboards.grafana.Dataquery;
import dev.monitoringlab.dashboards.grafana.FieldConfig;
import dev.monitoringlab.dashboards.grafana.GridPos;
import dev.monitoringlab.dashboards.grafana.Panel;
import dev.monitoringlab.dashboards.grafana.Threshold;
import dev.monitoringlab.dashboards.grafana.ThresholdsMode;
import dev.monitoringlab.dashboards.grafana.VariableModel;
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
 * 24-column grid or overlap (Grafana moves them around).
 */
public final class DashboardChecks {
    /** What Grafana accepts as a dashboard uid: up to 40 letters, digits, '-' and '_'. */
    static final int MAX_UID_LENGTH = 40;
    private static final java.util.regex.Pattern UID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

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
            String where = "dashboard '" + d.title() + "' (uid " + d.uid() + ")";
            if (d.uid() == null || !UID.matcher(d.uid()).matches()) {
                problems.add(where + ": uid must be 1-" + MAX_UID_LENGTH + " characters of A-Z, a-z, 0-9, - and _");
            } else {
                String other = titleByUid.putIfAbsent(d.uid(), d.title());
                if (other != null) {
                    problems.add(where + ": duplicate uid, also used by dashboard '" + other + "'");
                }
            }
            if (!d.tags().contains(Common.GENERATED_TAG)) {
                problems.add(where + ": missing tag '" + Common.GENERATED_TAG + "'");
            }
            for (VariableModel v : d.templating().list()) {
                checkDatasource(problems, where + ", variable '" + v.name() + "'", v.datasource(), provisioned);
            }
            checkPanels(problems, where, d.panels(), provisioned);
        }
        return problems;
    }

    private static void checkPanels(List<String> problems, String where, List<DashboardPanel> panels,
                                    DataSourceRef provisioned) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < panels.size(); i++) {
            DashboardPanel p = panels.get(i);
            String at = where + ", panel '" + p.title() + "'";
            if (!ids.add(p.id())) {
                problems.add(at + ": duplicate panel id " + p.id());
            }
            GridPos g = p.gridPos();
            if (g.x() < 0 || g.y() < 0 || g.w() < 1 || g.h() < 1 || g.right() > GridPos.COLUMNS) {
                problems.add(at + ": gridPos x=" + g.x() + " w=" + g.w() + " does not fit the "
                        + GridPos.COLUMNS + "-column grid (needs x >= 0, w >= 1, x + w <= " + GridPos.COLUMNS + ")");
            }
            for (int j = 0; j < i; j++) {
                DashboardPanel q = panels.get(j);
                if (g.overlaps(q.gridPos())) {
                    problems.add(at + ": overlaps panel '" + q.title() + "'");
                }
            }
            if (p instanceof Panel panel) {
                checkDatasource(problems, at, panel.datasource(), provisioned);
                for (Dataquery t : panel.targets()) {
                    checkDatasource(problems, at + ", target " + t.refId(), t.datasource(), provisioned);
                }
                if (panel.targets().isEmpty()) {
                    problems.add(at + ": has no targets");
                }
                checkThresholds(problems, at, panel.fieldConfig().defaults());
            }
        }
    }

    private static void checkDatasource(List<String> problems, String at, DataSourceRef ref,
                                        DataSourceRef provisioned) {
        if (ref == null) {
            problems.add(at + ": no datasource (the provisioned one has uid " + provisioned.uid() + ")");
        } else if (!Objects.equals(ref.uid(), provisioned.uid()) || !Objects.equals(ref.type(), provisioned.type())) {
            problems.add(at + ": datasource " + ref.type() + "/" + ref.uid() + " is not the provisioned "
                    + provisioned.type() + "/" + provisioned.uid());
        }
    }

    private static void checkThresholds(List<String> problems, String at, FieldConfig f) {
        if (f.thresholds() == null) {
            return;
        }
        boolean absolute = f.thresholds().mode() == ThresholdsMode.ABSOLUTE;
        List<Threshold> steps = f.thresholds().steps();
        for (int i = 0; i < steps.size(); i++) {
            Double v = steps.get(i).value();
            if (i == 0) {
                if (v != null) {
                    problems.add(at + ": the first threshold step is the base and must have value null");
                }
                continue;
            }
            if (v == null) {
                problems.add(at + ": threshold step " + i + " has no value");
            } else if (absolute && ((f.min() != null && v < f.min()) || (f.max() != null && v > f.max()))) {
                problems.add(at + ": threshold " + v + " is outside the axis range [" + f.min() + ", " + f.max()
                        + "], so its line would never be drawn");
            } else if (steps.get(i - 1).value() != null && v <= steps.get(i - 1).value()) {
                problems.add(at + ": threshold steps must increase (" + v + " after " + steps.get(i - 1).value() + ")");
            }
        }
    }
}
