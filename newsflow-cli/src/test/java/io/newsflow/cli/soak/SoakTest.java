package io.newsflow.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakTest {

    @Test
    void theBrokerRestartGoesBetweenTheKills() {
        Soak soak = new Soak(new Soak.Plan(3_000, 1_000, 2, 1, "384m", Duration.ofMinutes(1)), Path.of("unused"),
                new PrintWriter(new StringWriter()));
        assertThat(soak.schedule()).containsExactly("kill", "broker", "kill");
    }

    @Test
    void theProducerNeverGetsPastTheNextEventsThreshold() {
        // 3,000 ids, 3 events: at 750, 1,500 and 2,250 out; the producer waits half a segment (375) past each
        assertThat(Soak.threshold(3_000, 3, 0)).isEqualTo(750);
        assertThat(Soak.publishingCap(3_000, 3, 0)).isEqualTo(1_125);
        assertThat(Soak.publishingCap(3_000, 3, 2)).isEqualTo(2_625);
        assertThat(Soak.publishingCap(3_000, 3, 3)).isEqualTo(Long.MAX_VALUE);
        for (int done = 0; done < 3; done++) {
            assertThat(Soak.publishingCap(3_000, 3, done)).isGreaterThan(Soak.threshold(3_000, 3, done))
                    .isLessThan(Soak.threshold(3_000, 3, done + 1));
        }
    }
}
