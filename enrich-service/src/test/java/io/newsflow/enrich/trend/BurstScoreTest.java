package io.newsflow.enrich.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BurstScoreTest {

    private final BurstScore score = new BurstScore(1, 3);

    @Test
    void aTagAtItsUsualCountScoresAboutZero() {
        assertThat(score.score(30, new long[] {30, 30, 30}).score()).isEqualTo(0.0);
    }

    @Test
    void aNewTagWithThreeMentionsOutranksATagAlwaysAtThirty() {
        double fresh = score.score(3, new long[] {0, 0, 0}).score();
        double steady = score.score(30, new long[] {30, 29, 31}).score();

        assertThat(fresh).isEqualTo(3.0);
        assertThat(fresh).isGreaterThan(steady);
    }

    @Test
    void theSameRiseCountsForLessOnALargerBaseline() {
        assertThat(score.score(13, new long[] {3, 3}).score()).isGreaterThan(score.score(40, new long[] {30, 30}).score());
    }

    @Test
    void aBaselineThatSwingsWidelyMakesARiseLessSurprising() {
        BurstScore.Scored calm = score.score(20, new long[] {10, 10, 10, 10});
        BurstScore.Scored swinging = score.score(20, new long[] {0, 20, 0, 20});

        assertThat(calm.baseline()).isEqualTo(swinging.baseline());
        assertThat(swinging.spread()).isEqualTo(10.0);
        assertThat(swinging.score()).isLessThan(calm.score());
        assertThat(swinging.score()).isCloseTo(10 / Math.sqrt(101), within(1e-9));
    }

    @Test
    void withoutBaselinePeriodsTheBaselineIsZero() {
        BurstScore.Scored scored = score.score(4, new long[0]);

        assertThat(scored.baseline()).isZero();
        assertThat(scored.score()).isEqualTo(4.0);
    }

    @Test
    void fewerMentionsThanTheMinimumAreNotRanked() {
        assertThat(score.ranks(2)).isFalse();
        assertThat(score.ranks(3)).isTrue();
    }

    @Test
    void refusesParametersThatMakeNoSense() {
        assertThatThrownBy(() -> new BurstScore(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BurstScore(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
