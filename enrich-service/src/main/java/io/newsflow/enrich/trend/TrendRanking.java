package io.newsflow.enrich.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks the tags of one type in a window by their burst score against their own baseline (see docs/trending.md).
 *
 * <p>The window is the last {@link TrendWindow#buckets()} buckets up to and including the bucket that holds the stream time.
 * The baseline periods are the same window 1, 2, ... {@code baselineDays} days earlier, those the kept history covers
 * entirely; when it covers not even one day, the windows right before this one are used instead, as many (up to
 * {@code baselineDays}) as it covers; with none, the baseline is 0.
 *
 * @param score        the burst score
 * @param baselineDays the most baseline periods compared with (&gt;= 1)
 */
public record TrendRanking(BurstScore score, int baselineDays) {

    /** Highest score first; then the higher count; then by name, so that equal inputs give equal lists. */
    public static final Comparator<TrendingList.Tag> ORDER = Comparator.comparingDouble(TrendingList.Tag::score).reversed()
            .thenComparing(Comparator.comparingLong(TrendingList.Tag::count).reversed())
            .thenComparing(TrendingList.Tag::name).thenComparing(TrendingList.Tag::type);

    public TrendRanking {
        if (baselineDays < 1) {
            throw new IllegalArgumentException("baselineDays must be >= 1");
        }
    }

    /**
     * The top {@code limit} tags of {@code type} in {@code window}.
     *
     * @param streamTime the stream time in epoch milliseconds (the latest record time counted), or null when nothing was counted
     */
    public TrendingList rank(String type, TypeCounts counts, Long streamTime, TrendWindow window, int limit) {
        if (streamTime == null) {
            return new TrendingList(type, window.label(), null, List.of());
        }
        long end = Buckets.of(streamTime) + 1;
        long w = window.buckets();
        long perPoint = w / TrendWindow.SERIES_POINTS;
        boolean byDays = counts.isEmpty() || end - w - Buckets.PER_DAY >= counts.earliest();
        long periodLength = byDays ? Buckets.PER_DAY : w;
        int periods = 0;
        for (int d = 1; d <= baselineDays && !counts.isEmpty(); d++) {
            if (end - w - d * periodLength >= counts.earliest()) {
                periods = d;
            }
        }
        List<TrendingList.Tag> tags = new ArrayList<>();
        for (Map.Entry<String, Map<Long, Long>> tag : counts.byTag().entrySet()) {
            long count = 0;
            long[] series = new long[TrendWindow.SERIES_POINTS];
            long[] baseline = new long[periods];
            for (Map.Entry<Long, Long> bucket : tag.getValue().entrySet()) {
                long back = end - 1 - bucket.getKey(); // 0: the bucket of the stream time
                if (back < 0) {
                    continue; // ahead of the stream time: cannot happen once counted, but a store is not trusted
                }
                if (back < w) {
                    count += bucket.getValue();
                    series[(int) ((w - 1 - back) / perPoint)] += bucket.getValue();
                }
                long period = back / periodLength;
                if (period >= 1 && period <= periods && back % periodLength < w) {
                    baseline[(int) period - 1] += bucket.getValue();
                }
            }
            if (!score.ranks(count)) {
                continue;
            }
            BurstScore.Scored scored = score.score(count, baseline);
            tags.add(new TrendingList.Tag(tag.getKey(), type, count, round(scored.baseline()), round(scored.score()),
                    java.util.Arrays.stream(series).boxed().toList()));
        }
        tags.sort(ORDER);
        return new TrendingList(type, window.label(), Buckets.start(end).toString(), List.copyOf(tags.subList(0, Math.min(limit, tags.size()))));
    }

    /** Several types' lists as one ({@code type=ALL}): every tag of every list, by {@link #ORDER}, the latest {@code asOf}. */
    public static TrendingList merge(String type, TrendWindow window, List<TrendingList> lists, int limit) {
        String asOf = lists.stream().map(TrendingList::asOf).filter(java.util.Objects::nonNull).map(Instant::parse)
                .max(Comparator.naturalOrder()).map(Instant::toString).orElse(null);
        List<TrendingList.Tag> tags = lists.stream().flatMap(l -> l.tags().stream()).sorted(ORDER).limit(limit).toList();
        return new TrendingList(type, window.label(), asOf, tags);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
