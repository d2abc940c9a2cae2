package dev.monitoringlab.stack;

import dev.monitoringlab.rules.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.SettingsException;

/** The launcher's {@code --ha}: the same options as the single stack, applied to {@link HaStack}. */
final class HaLaunch {
    private HaLaunch() {
    }

    static HaStack start(MonitoringSettings settings, ProjectLayout layout, StackMain options, boolean nodeExporter,
                         double traffic) {
        HaStackBuilder b = HaStack.builder(settings).layout(layout).listenHost(options.listen).log(System.out);
        if (options.workDir != null) {
            b.workDir(options.workDir);
        }
        if (!options.noMock) {
            b.withModelMock(options.mockArgs.toArray(String[]::new));
        }
        if (!options.noStoreModel) {
            b.withStoreModel(traffic);
        }
        if (nodeExporter) {
            b.withNodeExporter();
        }
        try {
            return b.start();
        } catch (ExternalTool.MissingException | SettingsException e) {
            throw new StackException(e.getMessage());
        }
    }
}
