package io.newsflow.enrich.dedup;

import io.newsflow.enrich.clean.WordHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a time-windowed store holds, as Bloom filters by epoch of record time: "certainly not there" answers most
 * lookups for a new article in memory, so only the rest read the store. Never a false "not there" for a key added
 * within the epochs kept; a false "maybe" (about 1%) only costs a store read. Epochs are a quarter of the window
 * long and dropped once they end two windows before the latest time seen, after the store has dropped them itself.
 * Each epoch holds filters of {@value #KEYS_PER_FILTER} keys (10 bits a key, 7 probes), another added when one is
 * full, so memory follows the keys actually added (about 1.3 bytes per key). Plain Java; not thread-safe
 * (one per stream task).
 */
public final class RecentKeys {

    static final int KEYS_PER_FILTER = 1 << 20;
    private static final int BITS_PER_FILTER = KEYS_PER_FILTER * 10;
    private static final int PROBES = 7;

    private final long window;
    private final Epochs<List<Filter>> epochs;

    public RecentKeys(long windowMillis) {
        this.window = windowMillis;
        this.epochs = new Epochs<>(windowMillis, ArrayList::new);
    }

    /** Records {@code key} (a 64-bit hash) as held from {@code time} on. */
    public void add(long key, long time) {
        List<Filter> filters = epochs.at(time);
        if (filters.isEmpty() || filters.get(filters.size() - 1).count >= KEYS_PER_FILTER) {
            filters.add(new Filter());
        }
        filters.get(filters.size() - 1).add(key);
        // two windows and an epoch: the store has dropped them itself by then
        epochs.seen(time, 2 * window + epochs.length());
    }

    /** False only when no key equal to {@code key} was added with a time in [from, to]. */
    public boolean mightContain(long key, long from, long to) {
        long h2 = WordHashes.mix(key ^ 0x9e3779b97f4a7c15L) | 1;
        for (List<Filter> filters : epochs.overlapping(from, to)) {
            for (Filter filter : filters) {
                if (filter.mightContain(key, h2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 64-bit key of a string (an article id). */
    public static long keyOf(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return WordHashes.mix(hash);
    }

    int epochsKept() {
        return epochs.size();
    }

    private static final class Filter {
        private final long[] bits = new long[BITS_PER_FILTER / 64];
        private int count;

        void add(long key) {
            long h2 = WordHashes.mix(key ^ 0x9e3779b97f4a7c15L) | 1;
            for (int i = 0; i < PROBES; i++) {
                int bit = (int) Long.remainderUnsigned(key + i * h2, BITS_PER_FILTER);
                bits[bit >>> 6] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long key, long h2) {
            for (int i = 0; i < PROBES; i++) {
                int bit = (int) Long.remainderUnsigned(key + i * h2, BITS_PER_FILTER);
                if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
