package dev.monitoringlab.modelmock;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar modelmock.jar [--port 9000] [--interval 5s] [--seed N] [--values 0.2,0.9]}. */
public final class ModelMockMain {
    private ModelMockMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ModelMockOptions options;
        try {
            options = ModelMockOptions.parse(args);
        } catch (ModelMockOptions.UsageException e) {
            System.err.println("modelmock: " + e.getMessage());
            System.exit(2);
            return;
        }
        ModelMock mock;
        try {
            mock = ModelMock.start(options, System.out);
        } catch (IOException e) {
            System.err.println("modelmock: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
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
    }
}
