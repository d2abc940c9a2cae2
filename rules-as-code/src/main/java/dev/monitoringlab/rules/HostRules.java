package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/** Lab 7.5.2: alert when a host's CPU has been busy above the threshold for the configured time. */
public final class HostRules {
    public static final String GROUP = "host";
    public static final String COMPONENT = "host";

    private HostRules() {
    }

    public static RuleGroup group(MonitoringSettings s) {
        return new RuleGroup(GROUP, List.of(highCpuLoad(s)));
    }

    /** CPU busy %, per instance: 100 minus the idle share averaged over all CPUs; extra matchers may be empty. */
    public static String cpuBusyPercent(MonitoringSettings s, String extraMatchers) {
        String idle = Promql.series("node_cpu_seconds_total", s.selector(Setting.NODE_SELECTOR), "mode=\"idle\"", extraMatchers);
        return "100 * (1 - avg by (instance) (rate(" + idle + "["
                + s.promDuration(Setting.HOST_CPU_RATE_WINDOW) + "])))";
    }

    static AlertRule highCpuLoad(MonitoringSettings s) {
        String threshold = s.raw(Setting.HOST_CPU_THRESHOLD_PERCENT);
        return AlertRule.builder("HostHighCpuLoad")
                .expr(cpuBusyPercent(s, "") + " > " + threshold)
                .forDuration(s.promDuration(Setting.HOST_CPU_FOR))
                .label("severity", "warning")
                .label("component", COMPONENT)
                .summary("Host {{ $labels.instance }} CPU is busy above " + threshold + "%")
                .description("CPU on {{ $labels.instance }} has been busy above " + threshold + "% for more than "
                        + s.promDuration(Setting.HOST_CPU_FOR) + ", now at {{ $value | printf \"%.1f\" }}%")
                .build();
    }
}
