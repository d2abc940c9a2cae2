package dev.monitoringlab.serving.alert;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.Ports;

/** Settings for a live stack beside others on the machine: every port free, nothing shared. */
final class LiveStacks {
    private LiveStacks() {
    }

    static MonitoringSettings onFreePorts() {
        return MonitoringSettings.defaults()
                .with(Setting.PROMETHEUS_PORT, String.valueOf(Ports.free()))
                .with(Setting.ALERTMANAGER_PORT, String.valueOf(Ports.free()))
                .with(Setting.MODEL_MOCK_PORT, String.valueOf(Ports.free()))
                .with(Setting.NODE_TARGETS, "localhost:" + Ports.free())
                .with(Setting.STORE_MODEL_PORT, String.valueOf(Ports.free()));
    }
}
