package dev.monitoringlab.serving.drift;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Counts per bin over a sliding time window, so old traffic is forgotten: the window is cut into
 * {@value #SLICES} slices; a record is added to the slice of its time, and a sum covers the slices that lie
 * within the window. A slice is cleared when its turn comes round again. Adding is lock-free on the hot path
 * (one atomic increment); only the first record of a new slice takes the slice's lock to clear it.
 */
public final class SlidingWindowCounts {
    static final int SLICES = 30;

    private final int bins;
    private final long sliceMillis;
    private final LongSupplier clockMillis;
    private final Slice[] slices = new Slice[SLICES];

    private static final class Slice {
        volatile long epoch = Long.MIN_VALUE;
        final AtomicLongArray counts;

        Slice(int bins) {
            counts = new AtomicLongArray(bins);
        }
    }

    public SlidingWindowCounts(int bins, Duration window, LongSupplier clockMillis) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1");
        }
        if (window.toMillis() < SLICES) {
            throw new IllegalArgumentException("the window must be at least " + SLICES + " ms, got " + window);
        }
        this.bins = bins;
        this.sliceMillis = window.toMillis() / SLICES;
        this.clockMillis = clockMillis;
        for (int i = 0; i < SLICES; i++) {
            slices[i] = new Slice(bins);
        }
    }

    public void add(int bin) {
        long epoch = clockMillis.getAsLong() / sliceMillis;
        Slice s = slices[(int) Math.floorMod(epoch, SLICES)];
        if (s.epoch != epoch) {
            synchronized (s) {
                if (s.epoch != epoch) {
                    for (int i = 0; i < bins; i++) {
                        s.counts.set(i, 0);
                    }
                    s.epoch = epoch;
                }
            }
        }
        s.counts.incrementAndGet(bin);
    }

    /** The counts per bin of the slices inside the window now (the current slice and the ones before it). */
    public long[] counts() {
        long now = clockMillis.getAsLong() / sliceMillis;
        long[] out = new long[bins];
        for (Slice s : slices) {
            long e = s.epoch;
            if (e <= now && e > now - SLICES) {
                for (int i = 0; i < bins; i++) {
                    out[i] += s.counts.get(i);
                }
            }
        }
        return out;
    }

    public Duration window() {
        return Duration.ofMillis(sliceMillis * SLICES);
    }
}
