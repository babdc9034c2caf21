package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dedup step's in-memory LSH index: per band key, the earliest article in the time range asked. */
class BandIndexTest {

    private static final long HOUR = 3_600_000L;
    private static final long WINDOW = 24 * HOUR;
    private static final long T0 = 1_700_000_000_000L;

    private record Article(String id, long time, long[] bands) {
    }

    @Test
    void answersAsAScanOfEveryArticleWould() {
        // 20,000 articles over one window, bands drawn from a small pool so that many articles share keys;
        // the tables grow many times over
        SplittableRandom random = new SplittableRandom(5);
        long[] pool = new long[50_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = random.nextLong();
        }
        BandIndex index = new BandIndex(WINDOW);
        List<Article> added = new ArrayList<>();
        Map<Long, List<Article>> byBand = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long[] bands = new long[MinHash.BANDS];
            for (int b = 0; b < bands.length; b++) {
                bands[b] = pool[random.nextInt(pool.length)];
            }
            Article article = new Article("a-" + i, T0 + random.nextLong(WINDOW / 60_000) * 60_000, bands);
            index.add(article.id(), article.time(), article.bands());
            added.add(article);
            for (long band : bands) {
                List<Article> holders = byBand.computeIfAbsent(band, b -> new ArrayList<>());
                if (holders.isEmpty() || holders.get(holders.size() - 1) != article) {
                    holders.add(article);
                }
            }
        }
        int lookups = 0;
        int same = 0;
        int missed = 0;
        for (int q = 0; q < 2_000; q++) {
            long[] bands = added.get(random.nextInt(added.size())).bands().clone();
            bands[0] = pool[random.nextInt(pool.length)];
            long from = T0 + random.nextLong(WINDOW);
            long to = from + random.nextLong(WINDOW / 2);
            for (long band : bands) {
                Map<String, Long> found = new HashMap<>();
                index.candidates(new long[] {band}, from, to, found);
                Map<String, Long> expected = scan(byBand, new long[] {band}, from, to);
                lookups++;
                same += found.equals(expected) ? 1 : 0;
                missed += found.isEmpty() && !expected.isEmpty() ? 1 : 0;
            }
        }
        // a key is known by a 12-bit mark in two buckets: another key's mark there answers instead now and then (about
        // 1.7% of lookups here, where 20,000 articles draw their keys from 50,000)
        assertThat((double) same / lookups).as("lookups answered as the scan answers").isGreaterThan(0.97);
        // and a key whose mark an earlier article's key holds already is not added: found by its other bands only
        assertThat((double) missed / lookups).as("lookups answered with nothing where the scan finds an article").isLessThan(0.002);
    }

    @Test
    void aKeyIsHeldByItsEarliestArticleWhateverTheOrderAdded() {
        long epoch = Math.floorDiv(T0, WINDOW / 4) * (WINDOW / 4);
        BandIndex index = new BandIndex(WINDOW);
        index.add("late", epoch + 2 * HOUR, new long[] {7, 9});
        index.add("early", epoch + HOUR, new long[] {7});
        index.add("tie", epoch + HOUR, new long[] {7});
        index.add("other", epoch, new long[] {8});

        Map<String, Long> all = new HashMap<>();
        index.candidates(new long[] {7}, epoch, epoch + WINDOW, all);
        assertThat(all).containsExactly(Map.entry("early", epoch + HOUR));

        Map<String, Long> both = new HashMap<>();
        index.candidates(new long[] {7, 9, 8}, epoch, epoch + WINDOW, both);
        assertThat(both).containsOnly(Map.entry("early", epoch + HOUR), Map.entry("late", epoch + 2 * HOUR), Map.entry("other", epoch));

        // the key's earliest article is before the range: the later one added before it still holds it
        Map<String, Long> afterEarly = new HashMap<>();
        index.candidates(new long[] {7}, epoch + HOUR + 1, epoch + WINDOW, afterEarly);
        assertThat(afterEarly).containsExactly(Map.entry("late", epoch + 2 * HOUR));
    }

    @Test
    void articlesAWindowBehindTheLatestAreDropped() {
        BandIndex index = new BandIndex(WINDOW);
        for (int hour = 0; hour < 24 * 10; hour++) {
            index.add("h-" + hour, T0 + hour * HOUR, new long[] {hour});
        }
        // epochs are a quarter window: ten windows of articles, about the last window's epochs kept
        assertThat(index.epochsKept()).isBetween(4, 6);
        long last = T0 + (24 * 10 - 1) * HOUR;
        Map<String, Long> recent = new HashMap<>();
        index.candidates(new long[] {24 * 10 - 1, 24 * 9 + 1}, last - WINDOW, last, recent);
        assertThat(recent).containsOnlyKeys("h-239", "h-217");
        Map<String, Long> old = new HashMap<>();
        index.candidates(new long[] {24 * 5}, T0, last, old);
        assertThat(old).isEmpty();
    }

    /**
     * The same answer by brute force: per band and epoch (a quarter window), the articles holding it: in the order
     * added, each one earlier than every holder before it (ties to the first added); of those in [from, to], the
     * earliest.
     */
    private static Map<String, Long> scan(Map<Long, List<Article>> byBand, long[] bands, long from, long to) {
        Map<String, Long> found = new HashMap<>();
        for (long band : bands) {
            Map<Long, Long> earliestByEpoch = new HashMap<>();
            Article first = null;
            for (Article article : byBand.getOrDefault(band, List.of())) {
                long epoch = Math.floorDiv(article.time(), WINDOW / 4);
                Long before = earliestByEpoch.get(epoch);
                if (before != null && before <= article.time()) {
                    continue;
                }
                earliestByEpoch.put(epoch, article.time());
                if (article.time() >= from && article.time() <= to && (first == null || article.time() < first.time())) {
                    first = article;
                }
            }
            if (first != null) {
                found.merge(first.id(), first.time(), Math::min);
            }
        }
        return found;
    }
}
