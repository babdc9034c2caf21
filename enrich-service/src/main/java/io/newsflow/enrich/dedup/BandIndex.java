package io.newsflow.enrich.dedup;

import java.util.Arrays;
import java.util.Map;

/**
 * The LSH index of the dedup step, in memory: band key -> the earliest article seen with it, by epoch of record
 * time. A lookup answers, per band key, that article if its time is in the range asked: a candidate to be checked
 * against its stored signature, never an answer by itself. It is derived state: everything in it can be rebuilt
 * from the articles' signatures ({@link #add}), which is how the dedup step fills it at start-up from its
 * changelogged store, so it needs no store and no changelog of its own.
 *
 * <p>Articles are kept by epoch of record time (a quarter of the window), each epoch an open-addressing table of
 * 32-bit band tags (the band key's two halves xor-ed) and the article each belongs to. An epoch is dropped whole
 * once it ends a window before the latest time seen (the signatures store no longer holds its articles either, so
 * none of them could be confirmed), so memory follows the articles of one window and up to a quarter more: 10 to
 * 20 bytes per band key held (8 bytes a slot, the table 40% to 80% full), at most {@value MinHash#BANDS} keys per
 * article, plus its id and time (446 to 523 bytes per article measured, filling one with 100,000 to 700,000 new
 * stories). Two different band keys share a tag once in about 4 billion, and a false match costs only a signature
 * check. Plain Java; not thread-safe (one per stream task).
 */
public final class BandIndex {

    private static final int FIRST_CAPACITY = 1 << 10;

    private final long window;
    private final Epochs<Epoch> epochs;

    public BandIndex(long windowMillis) {
        this.window = windowMillis;
        this.epochs = new Epochs<>(windowMillis, Epoch::new);
    }

    /** Adds an article seen at {@code time} with these band keys. */
    public void add(String id, long time, long[] bands) {
        epochs.at(time).add(id, time, bands);
        epochs.seen(time, window);
    }

    /**
     * For each band key, the earliest article added with it, if its time is in [from, to] (per epoch: the epochs
     * overlapping the range are asked, each answering its earliest), merged into {@code candidates} as id -> time.
     */
    public void candidates(long[] bands, long from, long to, Map<String, Long> candidates) {
        Epoch[] range = epochs.overlapping(from, to).toArray(new Epoch[0]);
        for (long band : bands) {
            int tag = tag(band);
            String first = null;
            long firstTime = Long.MAX_VALUE;
            for (Epoch epoch : range) {
                int article = epoch.earliest(tag);
                long time = article < 0 ? Long.MAX_VALUE : epoch.times[article];
                if (time >= from && time <= to && time < firstTime) {
                    first = epoch.ids[article];
                    firstTime = time;
                }
            }
            if (first != null) {
                candidates.merge(first, firstTime, Math::min);
            }
        }
    }

    int epochsKept() {
        return epochs.size();
    }

    /**
     * The articles of one epoch and a table of band keys, each held once: by the earliest article added with it
     * (ties: the first added), whatever the order they were added in. A key many articles share (a line of
     * boilerplate that survived cleaning) is one slot, not one per article.
     */
    private static final class Epoch {
        private String[] ids = new String[64];
        private long[] times = new long[64];
        private int articles;
        private int[] tags = new int[FIRST_CAPACITY];
        private int[] refs = new int[FIRST_CAPACITY];
        private int entries;

        void add(String id, long time, long[] bands) {
            if (10L * (entries + bands.length) > 8L * tags.length) {
                grow(entries + bands.length);
            }
            if (articles == ids.length) {
                ids = Arrays.copyOf(ids, articles * 2);
                times = Arrays.copyOf(times, articles * 2);
            }
            int article = articles;
            ids[article] = id;
            times[article] = time;
            boolean held = false;
            for (long band : bands) {
                int tag = tag(band);
                int slot = slot(tags, tag);
                if (tags[slot] == 0) {
                    tags[slot] = tag;
                    refs[slot] = article;
                    entries++;
                    held = true;
                } else if (time < times[refs[slot]]) {
                    refs[slot] = article;
                    held = true;
                }
            }
            if (held) {
                articles++;
            } else {
                ids[article] = null;
            }
        }

        /** The article (index) holding this tag, or -1. */
        int earliest(int tag) {
            int slot = slot(tags, tag);
            return tags[slot] == tag ? refs[slot] : -1;
        }

        private void grow(int needed) {
            int capacity = tags.length;
            while (10L * needed > 8L * capacity) {
                capacity *= 2;
            }
            int[] oldTags = tags;
            int[] oldRefs = refs;
            tags = new int[capacity];
            refs = new int[capacity];
            for (int old = 0; old < oldTags.length; old++) {
                if (oldTags[old] != 0) {
                    int slot = slot(tags, oldTags[old]);
                    tags[slot] = oldTags[old];
                    refs[slot] = oldRefs[old];
                }
            }
        }
    }

    /** The band key folded to 32 bits, never 0 (0 marks an empty slot). */
    private static int tag(long band) {
        int tag = (int) (band ^ (band >>> 32));
        return tag == 0 ? 1 : tag;
    }

    /**
     * The slot of {@code tag} in a table of tags (a power of two long, never full), or the empty slot where it would
     * go: linear probing from its first slot, which Fibonacci hashing of the tag names.
     */
    private static int slot(int[] tags, int tag) {
        int mask = tags.length - 1;
        int slot = (tag * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(tags.length));
        while (tags[slot] != 0 && tags[slot] != tag) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
