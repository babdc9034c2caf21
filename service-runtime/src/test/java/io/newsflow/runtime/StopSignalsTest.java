package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopSignalsTest {

    @Test
    void aStopRunsEveryActionOnceAndReleasesTheWait() throws Exception {
        StopSignals signals = StopSignals.install();
        AtomicInteger ran = new AtomicInteger();
        signals.onStop(ran::incrementAndGet);

        assertThat(signals.await(10)).isFalse();
        signals.stop();
        signals.stop();

        assertThat(signals.await(10)).isTrue();
        assertThat(ran).hasValue(1);
        signals.onStop(ran::incrementAndGet);
        assertThat(ran).as("an action added after the stop runs at once").hasValue(2);
    }
}
