package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TransactionCountsTest {

    private final Counter counter = new SimpleMeterRegistry().counter("articles");

    @Test
    void withoutATransactionAnIncrementLandsAtOnce() {
        TransactionCounts.increment(counter, 2);

        assertThat(counter.count()).isEqualTo(2.0);
    }

    @Test
    void uncommittedTimeIsHowLongTheOldestIncrementHasWaited() {
        TransactionCounts counts = new TransactionCounts();
        counts.bindToCurrentThread();
        try {
            assertThat(counts.uncommittedNanos(System.nanoTime())).isZero();
            long before = System.nanoTime();
            TransactionCounts.increment(counter, 1);
            TransactionCounts.increment(counter, 1);
            assertThat(counts.uncommittedNanos(before + 5_000_000_000L)).isBetween(4_000_000_000L, 5_000_000_000L);
            counts.aborted();
            assertThat(counts.uncommittedNanos(before + 5_000_000_000L)).isZero();
            assertThat(counter.count()).isZero();
        } finally {
            counts.unbindFromCurrentThread();
        }
    }
}
