package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-memory filters in front of the dedup store: never "not there" for a key added in range; rarely "maybe" otherwise. */
class RecentKeysTest {

    private static final long HOUR = 3_600_000L;
    private static final long WINDOW = 24 * HOUR;

    @Test
    void everyKeyAddedIsFoundAndFewOthersAre() {
        RecentKeys keys = new RecentKeys(WINDOW);
        SplittableRandom random = new SplittableRandom(11);
        long[] added = new long[RecentKeys.KEYS_PER_FILTER + 200_000]; // more than one filter's worth: a second one is chained
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < added.length; i++) {
            added[i] = random.nextLong();
            keys.add(added[i], t0 + i);
        }
        for (int i = 0; i < added.length; i++) {
            assertThat(keys.mightContain(added[i], t0 + i - WINDOW, t0 + i + WINDOW)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += keys.mightContain(random.nextLong(), t0 - WINDOW, t0 + 2 * WINDOW) ? 1 : 0;
        }
        assertThat(falsePositives).as("false 'maybe' in 100,000").isLessThan(3_000);
    }

    @Test
    void aKeyIsLookedForOnlyInTheEpochsOfTheRangeAsked() {
        RecentKeys keys = new RecentKeys(WINDOW);
        long t0 = 1_700_000_000_000L;
        keys.add(42, t0);

        assertThat(keys.mightContain(42, t0 - WINDOW, t0 + WINDOW)).isTrue();
        assertThat(keys.mightContain(42, t0 + 2 * WINDOW, t0 + 3 * WINDOW)).isFalse();
        assertThat(keys.mightContain(RecentKeys.keyOf("a-1"), t0 - WINDOW, t0 + WINDOW)).isFalse();
    }

    @Test
    void epochsTwoWindowsOldAreDropped() {
        RecentKeys keys = new RecentKeys(WINDOW);
        long t0 = 1_700_000_000_000L;
        for (int hour = 0; hour < 24 * 10; hour++) {
            keys.add(hour, t0 + hour * HOUR);
        }
        // epochs are a quarter window: ten windows of keys, but only about the last two windows' epochs kept
        assertThat(keys.epochsKept()).isBetween(8, 11);
        long last = t0 + (24 * 10 - 1) * HOUR;
        assertThat(keys.mightContain(24 * 10 - 1, last - WINDOW, last + WINDOW)).isTrue();
        assertThat(keys.mightContain(24 * 8, t0 + 24 * 8 * HOUR - WINDOW, t0 + 24 * 8 * HOUR + WINDOW)).isTrue();
    }
}
