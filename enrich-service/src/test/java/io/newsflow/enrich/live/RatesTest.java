package io.newsflow.enrich.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theFirstSampleHasNoRateYet() {
        assertThat(new Rates(Duration.ofSeconds(10)).sample(0, Map.of("a", 100L))).isEmpty();
    }

    @Test
    void aRateIsTheChangePerSecondOverTheWindow() {
        Rates rates = new Rates(Duration.ofSeconds(10));
        rates.sample(0, Map.of("a", 100L));
        assertThat(rates.sample(2 * SECOND, Map.of("a", 140L)).get("a")).isCloseTo(20.0, within(1e-9));
        assertThat(rates.sample(4 * SECOND, Map.of("a", 140L)).get("a")).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void samplesOlderThanTheWindowNoLongerCount() {
        Rates rates = new Rates(Duration.ofSeconds(10));
        rates.sample(0, Map.of("a", 0L));
        rates.sample(5 * SECOND, Map.of("a", 1_000L));
        rates.sample(12 * SECOND, Map.of("a", 1_000L));
        // the burst between 0 s and 5 s is out of the window once the oldest sample kept is the one at 5 s
        assertThat(rates.sample(16 * SECOND, Map.of("a", 1_000L)).get("a")).isZero();
    }

    @Test
    void aCounterThatWentDownCountsAsNoChangeAndANewCounterWaitsForASecondSample() {
        Rates rates = new Rates(Duration.ofSeconds(10));
        rates.sample(0, Map.of("a", 500L));
        Map<String, Double> now = rates.sample(SECOND, Map.of("a", 10L, "b", 7L));
        assertThat(now.get("a")).isZero();
        assertThat(now).doesNotContainKey("b");
    }
}
