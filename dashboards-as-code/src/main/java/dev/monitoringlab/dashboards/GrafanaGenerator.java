package dev.monitoringlab.dashboards;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders and checks every dashboard and provisioning file first, then writes each atomically (temp file +
 * move), so a refused dashboard leaves the previous generation untouched and Grafana never reads half a file.
 */
public final class GrafanaGenerator {
    public static final String DASHBOARDS_DIR = "dashboards";
    public static final String DATASOURCES_FILE = "provisioning/datasources/prometheus.yml";
    public static final String PROVIDERS_FILE = "provisioning/dashboards/dashboards.yml";

    private GrafanaGenerator() {
    }

    /** stack/generated/grafana */
    public static Path outDir(ProjectLayout layout) {
        return layout.generatedDir().resolve("grafana");
    }

    /** Every file to write, by path relative to the output folder; throws {@link DashboardException} if refused. */
    public static Map<String, String> render(MonitoringSettings settings, List<Dashboard> dashboards) {
        DashboardChecks.requireValid(dashboards, Common.prometheus());
        Map<String, String> files = new LinkedHashMap<>();
        for (Dashboard d : dashboards) {
            files.put(DASHBOARDS_DIR + "/" + d.uid + ".json", DashboardJson.write(d));
        }
        files.put(DATASOURCES_FILE, GrafanaProvisioning.datasources(settings));
        files.put(PROVIDERS_FILE, GrafanaProvisioning.dashboardProviders());
        return files;
    }

    public static List<Path> writeAll(MonitoringSettings settings, Path outDir) throws IOException {
        return write(render(settings, Dashboards.all(settings)), outDir);
    }

    /** Every file for the models of a repository; rendered and checked before anything is written. */
    public static List<Path> writeAll(MonitoringSettings settings, List<ModelSpec> models, Path outDir)
            throws IOException {
        return write(render(settings, Dashboards.all(settings, models)), outDir);
    }

    /** Writes the rendered files and removes generated dashboards that are no longer rendered. */
    public static List<Path> write(Map<String, String> files, Path outDir) throws IOException {
        List<Path> written = AtomicFiles.writeAll(outDir, files);
        AtomicFiles.removeStale(outDir.resolve(DASHBOARDS_DIR), ".json", written,
                text -> text.contains("\"" + Common.GENERATED_NOTE));
        return written;
    }
}
