package dev.monitoringlab.http;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connection counts of one server, read by its metrics; updated by the I/O threads without global locks. Each
 * source address has its share: how many connections it holds and which of them are idle (candidates to give
 * way when the server is full).
 */
final class ServerStats {
    final AtomicInteger open = new AtomicInteger();
    final LongAdder refused = new LongAdder();
    final LongAdder refusedPerClient = new LongAdder();
    final LongAdder shed = new LongAdder();
    final LongAdder requestTimeouts = new LongAdder();
    final LongAdder writeTimeouts = new LongAdder();
    final LongAdder internalErrors = new LongAdder();
    private final Map<InetAddress, Share> clients = new ConcurrentHashMap<>();

    /** One client's connections: {@code open} is changed only inside the map's compute, read anywhere. */
    static final class Share {
        volatile int open;
        final Set<ConnectionGuard> idle = ConcurrentHashMap.newKeySet();
    }

    /** Counts a connection from {@code client}; null when that would take it over {@code max}. */
    Share join(InetAddress client, int max) {
        boolean[] over = {false};
        Share share = clients.compute(client, (k, s) -> {
            Share v = s == null ? new Share() : s;
            if (v.open >= max) {
                over[0] = true;
            } else {
                v.open++;
            }
            return v.open == 0 ? null : v;
        });
        return over[0] ? null : share;
    }

    void leave(InetAddress client) {
        clients.computeIfPresent(client, (k, s) -> --s.open <= 0 ? null : s);
    }

    /** Takes an idle connection of the client holding the most, or null when none is idle. */
    ConnectionGuard idleVictim() {
        while (true) {
            Share busiest = clients.values().stream().filter(s -> !s.idle.isEmpty())
                    .max(Comparator.comparingInt(s -> s.open)).orElse(null);
            if (busiest == null) {
                return null;
            }
            for (ConnectionGuard g : busiest.idle) {
                if (busiest.idle.remove(g)) {
                    return g;
                }
            }
        }
    }

    int clients() {
        return clients.size();
    }
}
