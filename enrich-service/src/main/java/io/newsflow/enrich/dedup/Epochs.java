package io.newsflow.enrich.dedup;

import java.util.Collection;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Values by epoch of record time, an epoch being a quarter of the window (at least a second), each dropped whole once
 * it is old: the time structure {@link RecentKeys} and {@link BandIndex} share. Plain Java; not thread-safe.
 */
final class Epochs<E> {

    private final long length;
    private final Supplier<E> create;
    private final TreeMap<Long, E> byEpoch = new TreeMap<>();
    private long latest = Long.MIN_VALUE;

    Epochs(long windowMillis, Supplier<E> create) {
        this.length = Math.max(1_000, windowMillis / 4);
        this.create = create;
    }

    /** The length of an epoch, in milliseconds. */
    long length() {
        return length;
    }

    /** The value of the epoch holding {@code time}, made when it has none. */
    E at(long time) {
        return byEpoch.computeIfAbsent(Math.floorDiv(time, length), epoch -> create.get());
    }

    /** The values of the epochs overlapping [from, to], oldest first. */
    Collection<E> overlapping(long from, long to) {
        return byEpoch.subMap(Math.floorDiv(from, length), true, Math.floorDiv(to, length), true).values();
    }

    /** Notes {@code time} as seen; when it is the latest yet, drops the epochs that end {@code keep} or more before it. */
    void seen(long time, long keep) {
        if (time > latest) {
            latest = time;
            byEpoch.headMap(Math.floorDiv(latest - keep, length), false).clear();
        }
    }

    int size() {
        return byEpoch.size();
    }
}
