package dev.monitoringlab.stack;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.settings.SettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The native launcher: {@code java -jar stack/target/stack-launcher.jar [--no-mock] [--with-node-exporter]
 * [--mock-arg FLAG]...}. Generates the configs into stack/generated, starts Prometheus, Alertmanager and the
 * mock, prints the URLs and stops everything on Ctrl+C.
 */
public final class StackMain {
    private static final String USAGE = "usage: stack-launcher [--no-mock] [--with-node-exporter]"
            + " [--listen 127.0.0.1|0.0.0.0] [--work-dir DIR] [--mock-arg FLAG]...  (e.g. --mock-arg=--values --mock-arg=0.2,0.9)";

    private StackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean mock = true;
        boolean nodeExporter = false;
        String listen = "127.0.0.1";
        String workDir = null;
        List<String> mockArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-mock")) {
                mock = false;
            } else if (a.equals("--with-node-exporter")) {
                nodeExporter = true;
            } else if (a.startsWith("--mock-arg=")) {
                mockArgs.add(a.substring("--mock-arg=".length()));
            } else if (a.equals("--mock-arg") && i + 1 < args.length) {
                mockArgs.add(args[++i]);
            } else if (a.startsWith("--listen=")) {
                listen = a.substring("--listen=".length());
            } else if (a.equals("--listen") && i + 1 < args.length) {
                listen = args[++i];
            } else if (a.startsWith("--work-dir=")) {
                workDir = a.substring("--work-dir=".length());
            } else if (a.equals("--work-dir") && i + 1 < args.length) {
                workDir = args[++i];
            } else {
                System.err.println("stack: " + (a.equals("--help") ? "" : "unknown argument '" + a + "'; ") + USAGE);
                System.exit(2);
            }
        }
        ProjectLayout layout = ProjectLayout.locate();
        NativeStack stack;
        try {
            MonitoringSettings settings = MonitoringSettings.load(layout);
            NativeStack.Builder b = NativeStack.builder(settings).layout(layout).listenHost(listen).log(System.out);
            if (workDir != null) {
                // a scratch run (e.g. an evidence capture) leaves stack/generated and stack/data alone
                b.workDir(java.nio.file.Path.of(workDir));
            }
            if (mock) {
                b.withModelMock(mockArgs.toArray(String[]::new));
            }
            if (nodeExporter) {
                b.withNodeExporter();
            }
            stack = b.start();
        } catch (SettingsException | StackException | ExternalTool.MissingException e) {
            System.err.println("stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.println("stack: Prometheus    " + stack.url(Setting.PROMETHEUS_PORT));
        System.out.println("stack: Alertmanager  " + stack.url(Setting.ALERTMANAGER_PORT));
        if (mock) {
            System.out.println("stack: model mock    " + stack.url(Setting.MODEL_MOCK_PORT) + "/metrics");
        }
        if (nodeExporter) {
            System.out.println("stack: node exporter " + stack.url(Setting.NODE_EXPORTER_PORT) + "/metrics");
        }
        stack.describe().forEach(d -> System.out.println("stack:   " + d));
        System.out.println("stack: running; Ctrl+C stops everything");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stack: stopping");
            stack.close();
            stopped.countDown();
        }));
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            var dead = stack.deadProcess();
            if (dead.isPresent()) {
                System.err.println("stack: " + dead.get());
                stack.close();
                System.exit(1);
            }
        }
    }
}
