package io.newsflow.enrich.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InRangeTest {

    @Test
    void sinceIsIncludedAndUntilIsNot() {
        Instant since = Instant.parse("2026-12-01T00:00:00Z");
        Instant until = Instant.parse("2026-12-02T00:00:00Z");
        InRange.Range range = new InRange.Range(Optional.of(since), Optional.of(until));

        assertThat(range.contains(since.toEpochMilli())).isTrue();
        assertThat(range.contains(since.toEpochMilli() - 1)).isFalse();
        assertThat(range.contains(until.toEpochMilli() - 1)).isTrue();
        assertThat(range.contains(until.toEpochMilli())).isFalse();
        assertThat(range.all()).isFalse();
    }

    @Test
    void anOpenEndTakesEverythingOnItsSide() {
        assertThat(new InRange.Range(Optional.empty(), Optional.of(Instant.EPOCH.plusMillis(10))).contains(Long.MIN_VALUE)).isTrue();
        assertThat(new InRange.Range(Optional.of(Instant.EPOCH), Optional.empty()).contains(Long.MAX_VALUE)).isTrue();
        assertThat(InRange.Range.ALL.all()).isTrue();
        assertThat(InRange.Range.ALL.contains(0)).isTrue();
    }
}
