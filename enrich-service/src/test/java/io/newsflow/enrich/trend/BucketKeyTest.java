package io.newsflow.enrich.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A bucket key written and read back, its bucket in twelve digits so that keys sort by bucket. */
class BucketKeyTest {

    @Test
    void theBucketIsWrittenAsTwelveDigitsExactlyAsTheFormatterWouldWriteIt() {
        Random random = new Random(20261203);
        long[] edges = {0, 1, 9, 10, 99_999_999_999L, 100_000_000_000L, 999_999_999_999L, 1_000_000_000_000L, Long.MAX_VALUE, -1, -42, Long.MIN_VALUE};
        for (long bucket : edges) {
            assertThat(BucketKey.digits(bucket)).as("%d", bucket).isEqualTo(String.format(Locale.ROOT, "%012d", bucket));
        }
        for (int i = 0; i < 10_000; i++) {
            long bucket = random.nextLong() >>> random.nextInt(64);
            assertThat(BucketKey.digits(bucket)).isEqualTo(String.format(Locale.ROOT, "%012d", bucket));
        }
    }

    @Test
    void aKeyReadsBackAsItWasWrittenAndSortsByBucket() {
        BucketKey key = new BucketKey("PERSON", "Ada Name", 5_904_000);

        assertThat(BucketKey.decode(key.encode())).isEqualTo(key);
        assertThat(new BucketKey("PERSON", "Ada Name", 999).encode()).isLessThan(new BucketKey("PERSON", "Ada Name", 1_000).encode());
        assertThat(BucketKey.decode("no separator")).isNull();
    }
}
