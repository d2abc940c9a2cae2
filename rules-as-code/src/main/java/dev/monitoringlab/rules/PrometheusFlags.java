package dev.monitoringlab.rules;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus command-line flags that come from the settings, so that every launcher starts Prometheus the same
 * way: the native stack puts them on the command line; for compose they are variables in stack/.env (written by
 * the launcher's compose-env), which the compose file's {@code command} interpolates.
 */
public final class PrometheusFlags {
    private PrometheusFlags() {
    }

    /** Flag name to setting, in command-line order, with the variable compose interpolates for it. */
    private static Map<String, Setting> bySetting() {
        Map<String, Setting> m = new LinkedHashMap<>();
        m.put("rules.alert.for-grace-period", Setting.PROMETHEUS_FOR_GRACE_PERIOD);
        m.put("rules.alert.for-outage-tolerance", Setting.PROMETHEUS_FOR_OUTAGE_TOLERANCE);
        return m;
    }

    /** {@code --rules.alert.for-grace-period=1m} and friends, for a command line. */
    public static List<String> commandLine(MonitoringSettings s) {
        return bySetting().entrySet().stream().map(e -> "--" + e.getKey() + "=" + s.promDuration(e.getValue())).toList();
    }

    /** The compose variable of a flag: {@code rules.alert.for-grace-period} -> {@code PROMETHEUS_FOR_GRACE_PERIOD}. */
    public static String variable(String flag) {
        return "PROMETHEUS_" + flag.substring(flag.lastIndexOf('.') + 1).replace('-', '_').toUpperCase();
    }

    /** The compose variables and their values: {@code PROMETHEUS_FOR_GRACE_PERIOD=1m} and friends. */
    public static Map<String, String> composeVariables(MonitoringSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        bySetting().forEach((flag, setting) -> v.put(variable(flag), s.promDuration(setting)));
        return v;
    }
}
