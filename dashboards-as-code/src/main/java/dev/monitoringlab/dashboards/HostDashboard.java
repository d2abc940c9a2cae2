package dev.monitoringlab.dashboards;

import static dev.monitoringlab.dashboards.Common.matcher;
import static dev.monitoringlab.dashboards.Common.query;
import static dev.monitoringlab.dashboards.Common.rate;
import static dev.monitoringlab.dashboards.Common.series;

import dev.monitoringlab.dashboards.foundation.dashboard.Dashboard;
import dev.monitoringlab.dashboards.foundation.dashboard.QueryVariableBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.RowBuilder;
import dev.monitoringlab.dashboards.foundation.dashboard.StringOrArrayOfString;
import dev.monitoringlab.dashboards.foundation.dashboard.StringOrMap;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableOption;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableRefresh;
import dev.monitoringlab.dashboards.foundation.dashboard.VariableSort;
import dev.monitoringlab.dashboards.foundation.timeseries.TimeseriesPanelBuilder;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import dev.monitoringlab.rules.HostRules;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/**
 * Lab 7.5: the watched host(s) (node exporter series picked by the settings' node selector), one
 * {@code instance} picker for all panels. The CPU panel draws HostHighCpuLoad's own expression and threshold,
 * so what the alert sees is what is drawn.
 */
public final class HostDashboard {
    public static final String UID = "host";
    public static final String INSTANCE_VARIABLE = "instance";
    /** What Grafana stores as the current value when "All" is selected. */
    static final String ALL = "$__all";

    // Which filesystems and block devices count: real ones, not tmpfs or loop devices (after node-mixin).
    static final String FS_SELECTOR = matcher("fstype", "=~", "ext[234]|xfs|btrfs|zfs|vfat");
    static final String DISK_DEVICE_SELECTOR =
            matcher("device", "=~", "(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)");
    static final String NETWORK_DEVICE_SELECTOR = matcher("device", "!~", "lo|veth.+|docker.+|br-.+");

    private final MonitoringSettings settings;
    private final String node;
    private final String instance = matcher("instance", "=~", "$" + INSTANCE_VARIABLE);

    public HostDashboard(MonitoringSettings settings) {
        this.settings = settings;
        this.node = settings.selector(Setting.NODE_SELECTOR);
    }

    public Dashboard build() {
        return Common.dashboard(UID, "Host",
                        "Node exporter metrics of the watched host(s) (lab 7.5) with the HostHighCpuLoad threshold.",
                        "host", "node-exporter")
                .withVariable(instanceVariable())
                .withRow(new RowBuilder("CPU"))
                .withPanel(cpuBusy())
                .withPanel(loadAverage())
                .withRow(new RowBuilder("Memory and disk"))
                .withPanel(memoryUsed())
                .withPanel(diskUsage())
                .withPanel(diskIo())
                .withPanel(network())
                .build();
    }

    QueryVariableBuilder instanceVariable() {
        String query = "label_values(" + series("up", node) + ", instance)";
        // Start on "All" so a fresh dashboard shows every host before anyone touches the picker.
        VariableOption all = new VariableOption(true, StringOrArrayOfString.createArrayOfString(List.of("All")),
                StringOrArrayOfString.createArrayOfString(List.of(ALL)));
        return new QueryVariableBuilder(INSTANCE_VARIABLE)
                .label("Instance")
                .description("Node exporters matching " + node)
                .datasource(Common.prometheus())
                .query(StringOrMap.createString(query))
                .definition(query)
                .refresh(VariableRefresh.ON_TIME_RANGE_CHANGED)
                .sort(VariableSort.ALPHABETICAL_ASC)
                .multi(true)
                .includeAll(true)
                .allValue(".*")
                .current(all)
                .options(List.of());
    }

    /** HostHighCpuLoad's expression, narrowed to the picked instances. */
    String cpuBusyExpr() {
        return HostRules.cpuBusyPercent(settings, instance);
    }

    TimeseriesPanelBuilder cpuBusy() {
        double threshold = settings.hostCpuThresholdPercent();
        return Common.timeseries("CPU busy",
                        "Share of time the CPUs are not idle, per instance, over "
                                + settings.promDuration(Setting.HOST_CPU_RATE_WINDOW)
                                + ". HostHighCpuLoad fires after " + settings.promDuration(Setting.HOST_CPU_FOR)
                                + " above the red line (" + Common.number(threshold) + " %).")
                .withTarget(query(cpuBusyExpr(), "{{instance}}"))
                .unit(Constants.Percent)
                .min(0.0)
                .max(100.0)
                .decimals(1.0)
                .thresholds(Common.redLineAt(threshold))
                .thresholdsStyle(Common.thresholdLine());
    }

    TimeseriesPanelBuilder loadAverage() {
        return Common.timeseries("Load average",
                        "Runnable and waiting tasks averaged over 1, 5 and 15 minutes; compare with the core count.")
                .withTarget(query(series("node_load1", node, instance), "{{instance}} 1m"))
                .withTarget(query(series("node_load5", node, instance), "{{instance}} 5m"))
                .withTarget(query(series("node_load15", node, instance), "{{instance}} 15m"))
                .withTarget(query("count by (instance) ("
                        + series("node_cpu_seconds_total", node, matcher("mode", "=", "idle"), instance) + ")",
                        "{{instance}} cores"))
                .unit(Constants.Short)
                .min(0.0);
    }

    TimeseriesPanelBuilder memoryUsed() {
        return Common.timeseries("Memory used",
                        "Share of memory not available to new programs (MemTotal - MemAvailable), per instance.")
                .withTarget(query("100 * (1 - " + series("node_memory_MemAvailable_bytes", node, instance)
                        + " / " + series("node_memory_MemTotal_bytes", node, instance) + ")", "{{instance}}"))
                .unit(Constants.Percent)
                .min(0.0)
                .max(100.0)
                .decimals(1.0);
    }

    TimeseriesPanelBuilder diskUsage() {
        return Common.timeseries("Disk space used",
                        "Share of each real filesystem that is used, per instance and mount point.")
                .withTarget(query("100 * (1 - " + series("node_filesystem_avail_bytes", node, instance, FS_SELECTOR)
                        + " / " + series("node_filesystem_size_bytes", node, instance, FS_SELECTOR) + ")",
                        "{{instance}} {{mountpoint}}"))
                .unit(Constants.Percent)
                .min(0.0)
                .max(100.0)
                .decimals(1.0);
    }

    TimeseriesPanelBuilder diskIo() {
        return Common.timeseries("Disk I/O",
                        "Bytes read and written per second, summed over the block devices of each instance.")
                .withTarget(query("sum by (instance) ("
                        + rate("node_disk_read_bytes_total", node, instance, DISK_DEVICE_SELECTOR) + ")",
                        "{{instance}} read"))
                .withTarget(query("sum by (instance) ("
                        + rate("node_disk_written_bytes_total", node, instance, DISK_DEVICE_SELECTOR) + ")",
                        "{{instance}} written"))
                .unit(Constants.BytesPerSecondSI)
                .min(0.0);
    }

    TimeseriesPanelBuilder network() {
        return Common.timeseries("Network traffic",
                        "Bytes received and sent per second per network interface (loopback and bridges left out).")
                .withTarget(query(rate("node_network_receive_bytes_total", node, instance, NETWORK_DEVICE_SELECTOR),
                        "{{instance}} {{device}} in"))
                .withTarget(query(rate("node_network_transmit_bytes_total", node, instance, NETWORK_DEVICE_SELECTOR),
                        "{{instance}} {{device}} out"))
                .unit(Constants.BytesPerSecondSI)
                .min(0.0);
    }
}
