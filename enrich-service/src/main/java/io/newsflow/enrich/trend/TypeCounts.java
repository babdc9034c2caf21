package io.newsflow.enrich.trend;

import java.util.HashMap;
import java.util.Map;

/** The counts of every tag of one type, per bucket, as read from the store. */
public final class TypeCounts {

    private final Map<String, Map<Long, Long>> byTag = new HashMap<>();
    private long earliest = Long.MAX_VALUE;

    /** Adds {@code count} mentions of {@code tag} in {@code bucket}. */
    public void add(String tag, long bucket, long count) {
        byTag.computeIfAbsent(tag, t -> new HashMap<>()).merge(bucket, count, Long::sum);
        earliest = Math.min(earliest, bucket);
    }

    public boolean isEmpty() {
        return byTag.isEmpty();
    }

    /** The earliest bucket with a count: where the history kept for this type begins. */
    long earliest() {
        return earliest;
    }

    Map<String, Map<Long, Long>> byTag() {
        return byTag;
    }
}
