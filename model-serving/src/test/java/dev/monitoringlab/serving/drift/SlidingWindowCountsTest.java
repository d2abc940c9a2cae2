package dev.monitoringlab.serving.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlidingWindowCountsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    /** 30 slices of 10 s. */
    private final SlidingWindowCounts counts = new SlidingWindowCounts(3, Duration.ofMinutes(5), now::get);

    @Test
    void countsWhatWasAddedWithinTheWindow() {
        counts.add(0);
        counts.add(2);
        now.addAndGet(60_000);
        counts.add(2);

        assertThat(counts.counts()).containsExactly(1, 0, 2);
    }

    @Test
    void forgetsASliceOnceItIsAWholeWindowOld() {
        long start = now.get() - now.get() % 10_000; // the start of the current 10 s slice
        now.set(start);
        counts.add(1);
        now.set(start + 299_999); // still inside: the 30th slice counting this one
        assertThat(counts.counts()).containsExactly(0, 1, 0);
        now.set(start + 300_000); // the slice is now 30 slices old
        assertThat(counts.counts()).containsExactly(0, 0, 0);
    }

    @Test
    void aSliceReusedAfterAFullTurnStartsFromZero() {
        counts.add(0);
        counts.add(0);
        now.addAndGet(300_000); // same slot, next turn
        counts.add(1);

        assertThat(counts.counts()).containsExactly(0, 1, 0);
    }

    @Test
    void reportsTheWindowAndRefusesOneTooShortToSlice() {
        assertThat(counts.window()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> new SlidingWindowCounts(3, Duration.ofMillis(10), now::get))
                .hasMessageContaining("at least 30 ms");
    }
}
