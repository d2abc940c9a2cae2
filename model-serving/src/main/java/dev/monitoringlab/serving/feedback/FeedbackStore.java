package dev.monitoringlab.serving.feedback;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Remembers recent predictions until their true label arrives ({@code POST /feedback}). Memory is fixed at
 * start: a ring of {@code capacity} slots (about 25 bytes each), indexed by the prediction's sequence number,
 * so the oldest prediction gives way when the ring is full, and one older than the retention is refused even
 * if its slot survives. No lock: a prediction costs one atomic increment and three array writes; a label costs
 * one compare-and-set, which is also what counts a repeated label once.
 *
 * <p>An id is {@code <tag>-<sequence>}; the tag is drawn at start, so an id from an earlier run of the service
 * is unknown rather than silently matched with a different prediction.
 */
public final class FeedbackStore {
    /** What became of a label. */
    public enum Outcome { CORRECT, WRONG, DUPLICATE, UNKNOWN, EXPIRED }

    /** A label's outcome and, when it was counted, how long after the prediction it came. */
    public record Result(Outcome outcome, double delaySeconds) {
    }

    private final String tag;
    private final int capacity;
    private final long retentionNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong next = new AtomicLong();
    /** slot -> sequence + 1 of the prediction it holds (0: empty); written last, read first. */
    private final AtomicLongArray held;
    /** slot -> sequence + 1 of the prediction whose label was counted. */
    private final AtomicLongArray labelled;
    private final long[] createdNanos;
    private final byte[] predicted;

    public FeedbackStore(int capacity, Duration retention, LongSupplier nanoClock, long tagSeed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.retentionNanos = retention.toNanos();
        this.nanoClock = nanoClock;
        this.tag = String.format(Locale.ROOT, "%08x", new SplittableRandom(tagSeed).nextInt());
        this.held = new AtomicLongArray(capacity);
        this.labelled = new AtomicLongArray(capacity);
        this.createdNanos = new long[capacity];
        this.predicted = new byte[capacity];
    }

    /** With the system clock and a random tag. */
    public FeedbackStore(int capacity, Duration retention) {
        this(capacity, retention, System::nanoTime, System.nanoTime() ^ Thread.currentThread().getId());
    }

    /** Remembers a prediction of {@code predictedLabel} (0 or 1) and returns its id. */
    public String remember(int predictedLabel) {
        long seq = next.getAndIncrement();
        int slot = (int) (seq % capacity);
        createdNanos[slot] = nanoClock.getAsLong();
        predicted[slot] = (byte) predictedLabel;
        held.set(slot, seq + 1); // publishes the two plain writes above
        return tag + '-' + seq;
    }

    /** Looks an id up without counting anything: UNKNOWN, EXPIRED, DUPLICATE, or CORRECT standing for "open". */
    public Outcome check(String id) {
        long seq = sequence(id);
        if (seq < 0) {
            return Outcome.UNKNOWN;
        }
        int slot = (int) (seq % capacity);
        if (!live(seq, slot)) {
            return Outcome.EXPIRED;
        }
        return labelled.get(slot) == seq + 1 ? Outcome.DUPLICATE : Outcome.CORRECT;
    }

    /** Counts {@code label} for the prediction {@code id} once; later labels of the same id are duplicates. */
    public Result label(String id, int label) {
        long seq = sequence(id);
        if (seq < 0) {
            return new Result(Outcome.UNKNOWN, 0);
        }
        int slot = (int) (seq % capacity);
        if (!live(seq, slot)) {
            return new Result(Outcome.EXPIRED, 0);
        }
        long created = createdNanos[slot];
        int was = predicted[slot];
        if (held.get(slot) != seq + 1) { // overwritten while we read it
            return new Result(Outcome.EXPIRED, 0);
        }
        long mark;
        do {
            mark = labelled.get(slot);
            if (mark == seq + 1) {
                return new Result(Outcome.DUPLICATE, 0);
            }
        } while (!labelled.compareAndSet(slot, mark, seq + 1));
        double delay = Math.max(0, nanoClock.getAsLong() - created) / 1e9;
        return new Result(was == label ? Outcome.CORRECT : Outcome.WRONG, delay);
    }

    private boolean live(long seq, int slot) {
        return held.get(slot) == seq + 1 && nanoClock.getAsLong() - createdNanos[slot] <= retentionNanos;
    }

    /** The sequence number of an id of this run, or -1 when the id is not one this store handed out. */
    private long sequence(String id) {
        if (id == null || id.length() < tag.length() + 2 || id.length() > tag.length() + 20 || !id.startsWith(tag)
                || id.charAt(tag.length()) != '-') {
            return -1;
        }
        long seq = 0;
        for (int i = tag.length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seq = seq * 10 + (c - '0');
            if (seq < 0) {
                return -1;
            }
        }
        return seq < next.get() ? seq : -1;
    }

    public Duration retention() {
        return Duration.ofNanos(retentionNanos);
    }

    public int capacity() {
        return capacity;
    }
}
