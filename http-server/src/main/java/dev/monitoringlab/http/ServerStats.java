package dev.monitoringlab.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Connection counts of one server, read by its metrics; updated by the I/O threads without locks. */
final class ServerStats {
    final AtomicInteger open = new AtomicInteger();
    final LongAdder refused = new LongAdder();
    final LongAdder requestTimeouts = new LongAdder();
}
