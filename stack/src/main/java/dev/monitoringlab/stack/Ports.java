package dev.monitoringlab.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for tests, so several runs can share a machine; the launcher's check that its ports are free. */
public final class Ports {
    private Ports() {
    }

    /**
     * Below Linux's default ephemeral range (32768-60999), where the kernel picks the local ports of outgoing
     * connections and of {@code bind(0)}: a port from there can be taken by a scrape's connection between this
     * call and the server's start (seen with several stacks side by side).
     */
    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;
    /** Never the same port twice in one JVM: tests running side by side ask at the same time. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    public static int free() {
        IOException last = null;
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new UncheckedIOException("no free port in " + FIRST + "-" + LAST, last);
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
