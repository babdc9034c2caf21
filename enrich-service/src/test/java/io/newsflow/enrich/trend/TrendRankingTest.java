package io.newsflow.enrich.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendRankingTest {

    private static final Instant NOW = Instant.parse("2026-12-03T15:57:00Z");
    private static final long BUCKET = Buckets.of(NOW.toEpochMilli());
    private static final long DAY = Buckets.PER_DAY;

    private final TrendRanking ranking = new TrendRanking(new BurstScore(1, 3), 7);

    /** {@code perHour} mentions an hour of {@code tag}, every hour of the {@code days} days before now (and this hour). */
    private static void steady(TypeCounts counts, String tag, int perHour, int days) {
        for (long b = BUCKET - days * DAY; b <= BUCKET; b += 12) {
            counts.add(tag, b, perHour);
        }
    }

    @Test
    void aBurstRanksAboveASteadyTagWithMoreMentions() {
        TypeCounts counts = new TypeCounts();
        steady(counts, "Steady Name", 30, 7);
        counts.add("Sudden Name", BUCKET, 8);
        counts.add("Sudden Name", BUCKET - 1, 4);

        TrendingList list = ranking.rank("PERSON", counts, NOW.toEpochMilli(), TrendWindow.HOUR, 20);

        assertThat(list.tags()).extracting(TrendingList.Tag::name).containsExactly("Sudden Name", "Steady Name");
        TrendingList.Tag sudden = list.tags().get(0);
        assertThat(sudden.count()).isEqualTo(12);
        assertThat(sudden.baseline()).isZero();
        assertThat(sudden.score()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(list.tags().get(1).count()).isEqualTo(30);
        assertThat(list.tags().get(1).baseline()).isEqualTo(30.0);
        assertThat(list.tags().get(1).score()).isZero();
    }

    @Test
    void aNewTagWithOneMentionIsNotListedAtAll() {
        TypeCounts counts = new TypeCounts();
        steady(counts, "Steady Name", 30, 2);
        counts.add("Stray Name", BUCKET, 1);

        TrendingList list = ranking.rank("PERSON", counts, NOW.toEpochMilli(), TrendWindow.HOUR, 20);

        assertThat(list.tags()).extracting(TrendingList.Tag::name).containsExactly("Steady Name");
    }

    @Test
    void theBaselineIsTheSameHourOnThePreviousDays() {
        TypeCounts counts = new TypeCounts();
        // a morning name: 10 at this hour on each of the last 3 days, nothing at other hours
        for (int d = 1; d <= 3; d++) {
            counts.add("Morning Name", BUCKET - d * DAY, 10);
        }
        counts.add("Morning Name", BUCKET, 10);
        counts.add("Other Name", BUCKET - 3 * DAY - 100, 1); // history starts before the three days

        TrendingList.Tag morning = ranking.rank("PERSON", counts, NOW.toEpochMilli(), TrendWindow.HOUR, 20).tags().get(0);

        assertThat(morning.baseline()).isEqualTo(10.0);
        assertThat(morning.score()).isZero();
    }

    @Test
    void withLessThanADayOfHistoryTheBaselineIsTheWindowsBefore() {
        TypeCounts counts = new TypeCounts();
        counts.add("Name", BUCKET - 24, 4); // two hours ago
        counts.add("Name", BUCKET - 12, 4); // an hour ago
        counts.add("Name", BUCKET, 10);

        TrendingList.Tag name = ranking.rank("PERSON", counts, NOW.toEpochMilli(), TrendWindow.HOUR, 20).tags().get(0);

        assertThat(name.count()).isEqualTo(10);
        assertThat(name.baseline()).isEqualTo(4.0);
        assertThat(name.score()).isEqualTo(Math.round(6 / Math.sqrt(5) * 100) / 100.0);
    }

    @Test
    void seriesCutsTheWindowInTwelvePartsOldestFirstAndSumsToTheCount() {
        TypeCounts counts = new TypeCounts();
        counts.add("Name", BUCKET, 5);
        counts.add("Name", BUCKET - 11, 1);
        counts.add("Name", BUCKET - 12, 100); // before the 1h window

        TrendingList.Tag hour = ranking.rank("PERSON", counts, NOW.toEpochMilli(), TrendWindow.HOUR, 20).tags().get(0);
        TrendingList.Tag sixHours = ranking.rank("PERSON", counts, NOW.toEpochMilli(), TrendWindow.SIX_HOURS, 20).tags().get(0);

        assertThat(hour.series()).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 5L);
        assertThat(hour.count()).isEqualTo(6);
        assertThat(sixHours.count()).isEqualTo(106);
        assertThat(sixHours.series().stream().mapToLong(Long::longValue).sum()).isEqualTo(106);
        assertThat(sixHours.series().subList(9, 12)).containsExactly(100L, 1L, 5L); // half hours
    }

    @Test
    void asOfIsTheEndOfTheBucketOfTheStreamTimeAndTheLimitCuts() {
        TypeCounts counts = new TypeCounts();
        for (int i = 0; i < 5; i++) {
            counts.add("Name " + i, BUCKET, 3 + i);
        }

        TrendingList list = ranking.rank("PLACE", counts, NOW.toEpochMilli(), TrendWindow.HOUR, 2);

        assertThat(list.asOf()).isEqualTo("2026-12-03T16:00:00Z");
        assertThat(list.type()).isEqualTo("PLACE");
        assertThat(list.window()).isEqualTo("1h");
        assertThat(list.tags()).extracting(TrendingList.Tag::name).containsExactly("Name 4", "Name 3");
    }

    @Test
    void mergingListsKeepsTheBestScoresOfAllTypes() {
        TrendingList people = new TrendingList("PERSON", "1h", "2026-12-03T16:00:00Z",
                List.of(new TrendingList.Tag("A", "PERSON", 5, 0, 5, List.of()), new TrendingList.Tag("B", "PERSON", 3, 0, 3, List.of())));
        TrendingList places = new TrendingList("PLACE", "1h", "2026-12-03T16:05:00Z",
                List.of(new TrendingList.Tag("C", "PLACE", 4, 0, 4, List.of())));

        TrendingList all = TrendRanking.merge("ALL", TrendWindow.HOUR, List.of(people, places), 2);

        assertThat(all.asOf()).isEqualTo("2026-12-03T16:05:00Z");
        assertThat(all.tags()).extracting(TrendingList.Tag::name).containsExactly("A", "C");
    }

    @Test
    void aRecordIsLateOnceItsBucketEndedMoreThanTheGraceBeforeTheStreamTime() {
        long bucketEnd = Buckets.start(BUCKET + 1).toEpochMilli();
        long inBucket = bucketEnd - 1;
        Duration grace = Duration.ofMinutes(10);

        assertThat(Buckets.closed(inBucket, bucketEnd + grace.toMillis() - 1, grace)).isFalse();
        assertThat(Buckets.closed(inBucket, bucketEnd + grace.toMillis(), grace)).isTrue();
    }

    @Test
    void bucketKeysComeBackAsTheyWentAndSortByTypeTagAndTime() {
        BucketKey key = new BucketKey("PERSON", "Giorgia Meloni", BUCKET);

        assertThat(BucketKey.decode(key.encode())).isEqualTo(key);
        assertThat(key.encode()).startsWith(BucketKey.prefix("PERSON"));
        assertThat(new BucketKey("PERSON", "A", 9).encode()).isLessThan(new BucketKey("PERSON", "A", 10).encode());
        assertThat(BucketKey.decode("\u0000stream-time")).isNull();
    }
}
