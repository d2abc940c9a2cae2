package dev.monitoringlab.stack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sockets a process listens on, read from Linux's /proc: the socket inodes among its open files, looked up in
 * /proc/net/{tcp,tcp6,udp,udp6} (TCP in state LISTEN, UDP bound). Addresses are as the kernel prints them.
 */
final class ListeningSockets {
    /** One bound socket: protocol, local address (e.g. 127.0.0.1 or ::ffff:127.0.0.1) and port. */
    record Bound(String protocol, String address, int port) {
        boolean loopback() {
            return address.equals("127.0.0.1") || address.equals("::1") || address.equals("::ffff:127.0.0.1");
        }

        @Override
        public String toString() {
            return protocol + " " + address + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    static List<Bound> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<Bound> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc/net", table));
            } catch (IOException e) {
                continue; // no IPv6 on this kernel
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                boolean bound = table.startsWith("udp") ? f[3].equals("07") : f[3].equals("0A");
                if (bound && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    out.add(new Bound(table, address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return out;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away between list and read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the open files of pid " + pid, e);
        }
        return inodes;
    }

    /** The kernel prints addresses as little-endian 32-bit words in hex. */
    static String address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int word = 0; word < b.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        boolean v4Mapped = true;
        for (int i = 0; i < 10; i++) {
            v4Mapped &= b[i] == 0;
        }
        v4Mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        if (v4Mapped) {
            return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        boolean allZero = true;
        for (int i = 0; i < 15; i++) {
            allZero &= b[i] == 0;
        }
        if (allZero && (b[15] == 0 || b[15] == 1)) {
            return b[15] == 0 ? "::" : "::1";
        }
        try {
            return java.net.InetAddress.getByAddress(b).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
