package io.newsflow.enrich.trend;

import java.time.Duration;
import java.time.Instant;

/**
 * Tag counts are kept per bucket of record time, {@link #LENGTH} long, aligned on the epoch; every window is a whole number of
 * buckets. A bucket is closed once the stream time has passed its end by the grace period: a record for a closed bucket is late
 * and not counted.
 */
public final class Buckets {

    /** The length of a bucket. */
    public static final Duration LENGTH = Duration.ofMinutes(5);
    /** Buckets in a day: the baseline compares a window with the same window one day, two days, ... earlier. */
    public static final long PER_DAY = Duration.ofDays(1).dividedBy(LENGTH);
    private static final long MILLIS = LENGTH.toMillis();

    private Buckets() {
    }

    /** The bucket that holds {@code epochMillis}. */
    public static long of(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS);
    }

    /** The instant bucket {@code bucket} starts at (the end of bucket {@code bucket - 1}). */
    public static Instant start(long bucket) {
        return Instant.ofEpochMilli(bucket * MILLIS);
    }

    /** Whether a record at {@code epochMillis} comes too late: its bucket ended more than {@code grace} before {@code streamTime}. */
    public static boolean closed(long epochMillis, long streamTime, Duration grace) {
        return (of(epochMillis) + 1) * MILLIS + grace.toMillis() <= streamTime;
    }

    /** How many buckets back the counts are kept: the baseline days of the longest window, and the grace period. */
    public static long horizon(int baselineDays, Duration grace) {
        return baselineDays * PER_DAY + TrendWindow.longest().buckets() + grace.dividedBy(LENGTH) + 1;
    }
}
