package dev.monitoringlab.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for tests, so several runs can share a machine; the launcher's check that its ports are free. */
public final class Ports {
    private Ports() {
    }

    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Fails with one line naming the setting when {@code host:port} cannot be bound. */
    static void requireFree(String host, int port, String settingKey) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StackException("port " + port + " (" + settingKey + ") on " + host + " is taken by another"
                    + " program (" + e.getMessage() + "); stop it or set " + settingKey + " in stack/settings.properties");
        }
    }
}
