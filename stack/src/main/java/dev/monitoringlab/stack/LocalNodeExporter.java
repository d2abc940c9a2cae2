package dev.monitoringlab.stack;

import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * This machine's node exporter and the node scrape job: it runs exactly when the job scrapes it (targets.node
 * includes localhost:<node-exporter.port>), natively or as the compose profile; when the job points at the VM
 * only, the VM's exporter is the playbook's business.
 */
final class LocalNodeExporter {
    private LocalNodeExporter() {
    }

    static boolean scraped(MonitoringSettings s) {
        int port = s.port(Setting.NODE_EXPORTER_PORT);
        List<String> targets = s.nodeTargets();
        return targets.contains("localhost:" + port) || targets.contains("127.0.0.1:" + port);
    }

    /** Settings whose node job scrapes the local exporter too (what --with-node-exporter asks for). */
    static MonitoringSettings addedToTargets(MonitoringSettings s) {
        if (scraped(s)) {
            return s;
        }
        List<String> all = new ArrayList<>(s.nodeTargets());
        all.add("localhost:" + s.port(Setting.NODE_EXPORTER_PORT));
        return s.with(Setting.NODE_TARGETS, String.join(",", all));
    }
}
