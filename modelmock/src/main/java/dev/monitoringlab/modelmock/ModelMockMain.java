package dev.monitoringlab.modelmock;

import dev.monitoringlab.settings.Cli;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code java -jar modelmock.jar [--port 9000] [--interval 5s] [--seed N] [--values 0.2,0.9]}. */
@Command(name = "modelmock",
        description = "Lab 7.1: serves model_result in [0, 1] on /metrics, a new value every interval.")
public final class ModelMockMain extends Cli.Base {
    @Mixin
    private ModelMockOptions options;

    public static void main(String[] args) {
        Cli.runAndExit(new ModelMockMain(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        ModelMock mock;
        try {
            mock = ModelMock.start(options, System.out);
        } catch (IOException e) {
            System.err.println("modelmock: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
            return Cli.FAILED;
        }
        System.out.println("modelmock: serving model_result at http://localhost:" + mock.port() + "/metrics"
                + " (new value every " + options.interval().toMillis() + " ms; Ctrl+C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mock.close();
            System.out.println("modelmock: stopped");
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
