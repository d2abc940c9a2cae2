package dev.monitoringlab.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile clients for tests, on loopback only: many connections that each send the beginning of a request
 * and then wait or trickle a byte now and then. Bounded: at most {@link #MAX} connections, closed by
 * {@link #close()}, and never more than the file descriptors this process may still open.
 */
public final class SlowClients implements AutoCloseable {
    public static final int MAX = 2000;
    private static final ByteBuffer PROBE = ByteBuffer.allocate(256);

    private final List<SocketChannel> sockets = new ArrayList<>();

    private SlowClients() {
    }

    /**
     * How many slow connections this process can hold next to a server in the same process (two descriptors
     * each), keeping 256 spare; at most {@code wanted}. Raises nothing: a lower limit gives a smaller number.
     */
    public static int affordable(int wanted) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long free = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 256;
            return (int) Math.max(0, Math.min(wanted, free / 2));
        }
        return Math.min(wanted, 100);
    }

    /** Opens {@code count} connections to 127.0.0.1:port; connection i sends {@code openings[i % n]} and waits. */
    public static SlowClients open(int port, int count, List<String> openings) throws IOException {
        if (count > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " slow connections");
        }
        SlowClients c = new SlowClients();
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel s = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                c.sockets.add(s);
                String opening = openings.get(i % openings.size());
                if (!opening.isEmpty()) {
                    s.write(ByteBuffer.wrap(opening.getBytes(StandardCharsets.ISO_8859_1)));
                }
                s.configureBlocking(false);
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public int count() {
        return sockets.size();
    }

    /** Sends one more byte on every connection that is still open: trickling must not buy more time. */
    public void trickle(char c) {
        for (SocketChannel s : sockets) {
            try {
                s.write(ByteBuffer.wrap(new byte[] {(byte) c}));
            } catch (IOException e) {
                // already closed by the server: that is what the test waits for anyway
            }
        }
    }

    /** How many connections the server has closed so far (end of stream or reset seen). */
    public int closedByServer() {
        int closed = 0;
        for (SocketChannel s : sockets) {
            if (closed(s)) {
                closed++;
            }
        }
        return closed;
    }

    /** Polls until the server has closed every connection; returns how long that took, or fails after {@code max}. */
    public Duration awaitAllClosed(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        int closed;
        while ((closed = closedByServer()) < sockets.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(closed + " of " + sockets.size() + " slow connections closed by the server after "
                        + max.toMillis() + " ms");
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean closed(SocketChannel s) {
        if (!s.isOpen()) {
            return true;
        }
        try {
            synchronized (PROBE) {
                PROBE.clear();
                int n;
                while ((n = s.read(PROBE)) > 0) {
                    PROBE.clear(); // an answer (say a 4xx) before the close: read past it
                }
                if (n < 0) {
                    s.close();
                    return true;
                }
                return false;
            }
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a reset socket; nothing left to release
            }
            return true;
        }
    }

    @Override
    public void close() {
        for (SocketChannel s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort: the test is over
            }
        }
        sockets.clear();
    }
}
