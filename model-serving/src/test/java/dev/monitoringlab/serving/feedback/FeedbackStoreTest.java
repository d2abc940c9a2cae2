package dev.monitoringlab.serving.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.serving.feedback.FeedbackStore.Outcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FeedbackStoreTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FeedbackStore store = new FeedbackStore(4, Duration.ofMinutes(1), now::get, 7);

    @Test
    void aLabelIsCorrectOrWrongAgainstThePredictionAndCarriesItsDelay() {
        String one = store.remember(1);
        String zero = store.remember(0);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        FeedbackStore.Result r = store.label(one, 1);
        assertThat(r.outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(r.delaySeconds()).isEqualTo(30.0);
        assertThat(store.label(zero, 1).outcome()).isEqualTo(Outcome.WRONG);
    }

    @Test
    void aSecondLabelForTheSameIdIsADuplicateWhateverItSays() {
        String id = store.remember(1);
        assertThat(store.check(id)).isEqualTo(Outcome.CORRECT);
        assertThat(store.label(id, 1).outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(store.check(id)).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.label(id, 1).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.label(id, 0).outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void idsNeverHandedOutByThisStoreAreUnknown() {
        String id = store.remember(1);
        String tag = id.substring(0, id.indexOf('-'));
        FeedbackStore otherRun = new FeedbackStore(4, Duration.ofMinutes(1), now::get, 8);
        assertThat(otherRun.label(id, 1).outcome()).isEqualTo(Outcome.UNKNOWN);
        for (String bad : new String[] {"", "x", tag, tag + "-", tag + "-1", tag + "-99999999999999999999999",
                tag + "--1", tag + "-1a", "00000000-0", null}) {
            assertThat(store.check(bad)).as(bad).isEqualTo(Outcome.UNKNOWN);
            assertThat(store.label(bad, 0).outcome()).as(bad).isEqualTo(Outcome.UNKNOWN);
        }
    }

    @Test
    void aPredictionOlderThanTheRetentionHasExpired() {
        String id = store.remember(0);
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(store.check(id)).isEqualTo(Outcome.CORRECT);
        now.addAndGet(1);
        assertThat(store.check(id)).isEqualTo(Outcome.EXPIRED);
        assertThat(store.label(id, 0).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void theOldestPredictionGivesWayWhenTheCapacityIsReached() {
        String first = store.remember(1);
        String second = store.remember(1);
        for (int i = 0; i < 4; i++) {
            store.remember(0);
        }
        assertThat(store.label(first, 1).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(store.label(second, 1).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new FeedbackStore(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
