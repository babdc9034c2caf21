package io.newsflow.enrich.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The LSH index of the dedup step, in memory: band key -> the earliest article seen with it, by epoch of record
 * time. A lookup answers, per band key, the earliest article holding it (or holding a key with the same 12-bit mark in
 * the same buckets, about once in 500 lookups) whose time is in the range asked: candidates to be checked against their stored signatures, never an answer
 * by themselves. It is derived state: everything in it can be rebuilt from the articles' signatures ({@link #add}),
 * which is how the dedup step fills it at start-up from its changelogged store, so it needs no store and no changelog
 * of its own.
 *
 * <p>Articles are kept by epoch of record time (a quarter of the window), and an epoch is dropped whole once it ends a
 * window before the latest time seen (the signatures store no longer holds its articles either, so none of them could
 * be confirmed). Memory is what the heap budget of a week's window asks for (at most about 200 bytes per article): each
 * epoch holds its articles in segments, each a cuckoo table of 4-slot buckets filled to 95%, a slot being one int (a
 * 12-bit mark of the band key and the article's number in its segment), so a band key costs about 4.2 bytes; an
 * article adds its time (an int) and its id ({@link Ids#pack}: an id as ingest makes them takes 21 bytes, in one array,
 * and an int). No key is stored whole: a table
 * never grows or rehashes. A full segment is followed by another, sized from what the previous epoch held, so a
 * steady stream fills each epoch's tables close to the 95%. Plain Java; not thread-safe (one per stream task).
 */
public final class BandIndex {

    private static final int BUCKET = 4;
    private static final double FILL = 0.95;
    private static final int MARK_BITS = 12;
    private static final int REF_BITS = 32 - MARK_BITS;
    /** Articles one segment can number. */
    static final int MAX_ARTICLES = 1 << REF_BITS;
    /** Band keys the first segment of an epoch holds when no earlier epoch says how many to expect. */
    static final int FIRST_KEYS = 1 << 16;
    private static final int MIN_KEYS = 1 << 12;
    private static final int MAX_KICKS = 500;

    private final long window;
    private final Epochs<Epoch> epochs;
    private final long unit;
    /** Band keys the most recent epoch before the newest one held: the size to expect of an epoch. */
    private int expectedKeys = FIRST_KEYS;
    private Epoch newest;

    public BandIndex(long windowMillis) {
        this.window = windowMillis;
        this.epochs = new Epochs<>(windowMillis, Epoch::new);
        // times are kept as ints from their epoch's start: in milliseconds unless an epoch is longer than an int counts
        this.unit = Math.max(1, (epochs.length() + Integer.MAX_VALUE - 1) / Integer.MAX_VALUE);
    }

    /** Adds an article seen at {@code time} with these band keys. */
    public void add(String id, long time, long[] bands) {
        Epoch epoch = epochs.at(time);
        if (epoch.base == Long.MIN_VALUE) {
            epoch.base = Math.floorDiv(time, epochs.length()) * epochs.length();
            if (newest == null || epoch.base > newest.base) {
                if (newest != null) { // the newest epoch until now is complete: it sizes the next, and is trimmed
                    expectedKeys = Math.max(MIN_KEYS, newest.keys);
                    newest.trim();
                }
                newest = epoch;
            }
        }
        epoch.add(id, (int) ((time - epoch.base) / unit), bands);
        epochs.seen(time, window);
    }

    /**
     * For each band key, the earliest article added with it (of those holding it per epoch: each epoch keeps its
     * earliest) whose time is in [from, to], merged into {@code candidates} as id -> time.
     */
    public void candidates(long[] bands, long from, long to, Map<String, Long> candidates) {
        Collection<Epoch> overlapping = epochs.overlapping(from, to);
        Epoch[] range = overlapping.toArray(new BandIndex.Epoch[0]); // walked once per band: a view would be walked anew
        Earliest earliest = new Earliest(from, to);
        for (long band : bands) {
            earliest.article = -1;
            earliest.time = Long.MAX_VALUE;
            for (Epoch epoch : range) {
                for (Segment segment : epoch.segments) {
                    earliest.epoch = epoch;
                    earliest.segment = segment;
                    segment.find(band, earliest);
                }
            }
            if (earliest.article >= 0) {
                candidates.merge(earliest.in.id(earliest.article), earliest.time, Math::min);
            }
        }
    }

    /** The earliest article in a time range among those a band's lookups find. */
    private final class Earliest implements ArticleSink {
        final long from;
        final long to;
        Epoch epoch;
        Segment segment;
        Segment in;
        int article = -1;
        long time = Long.MAX_VALUE;

        Earliest(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void accept(int found) {
            long at = epoch.base + segment.times[found] * unit;
            if (at >= from && at <= to && at < time) {
                time = at;
                article = found;
                in = segment;
            }
        }
    }

    int epochsKept() {
        return epochs.size();
    }

    /** The articles of one epoch, in segments; each band key held once, by the earliest article added with it. */
    private final class Epoch {
        long base = Long.MIN_VALUE;
        final List<Segment> segments = new ArrayList<>(2);
        int keys;

        void add(String id, int time, long[] bands) {
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last == null || !last.fits(bands.length)) {
                if (last != null) {
                    last.trim();
                }
                // a fiftieth more than the last epoch held; past that, a quarter of what this one holds (a few segments,
                // each nearly full, when the rate grows)
                int wanted = segments.isEmpty() ? expectedKeys + expectedKeys / 50 : Math.max(MIN_KEYS, keys / 4);
                last = new Segment(Math.max(wanted, bands.length));
                segments.add(last);
            }
            int article = last.newArticle(id, time);
            boolean held = false;
            for (long band : bands) {
                if (holdsEarlier(band, time)) {
                    continue;
                }
                last.insert(band, article);
                keys++;
                held = true;
            }
            if (!held) {
                last.dropLastArticle();
            }
        }

        /** Gives back what the arrays of its articles hold spare, once no more are expected in it. */
        void trim() {
            segments.forEach(Segment::trim);
        }

        /**
         * Whether a segment holds {@code band}'s mark for an article no later than {@code time}. A later holder keeps its
         * slot (the mark may be another key's) and the key is added again: lookups answer the earlier of the two.
         */
        private boolean holdsEarlier(long band, int time) {
            for (Segment segment : segments) {
                int slot = segment.slotOf(band);
                if (slot >= 0 && segment.times[segment.slots[slot] & (MAX_ARTICLES - 1)] <= time) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Receives an article (its number in its segment). */
    private interface ArticleSink {
        void accept(int article);
    }

    /**
     * A cuckoo table of band-key marks (two candidate buckets of 4 slots per key; the other bucket found from the
     * bucket and the mark alone, as a cuckoo filter does) and the articles they belong to: numbered, with their times
     * and ids. A mark that finds no place after {@value #MAX_KICKS} moves is kept in a short list beside the table.
     */
    private static final class Segment {
        final int buckets;
        final int[] slots;
        int keys;
        int[] times;
        int[] idEnds;
        byte[] idBytes;
        int articles;
        int[] stash = new int[0];
        int[] stashBuckets = new int[0];

        Segment(int keys) {
            this.buckets = Math.max(1, (int) Math.ceil(keys / (BUCKET * FILL)));
            this.slots = new int[buckets * BUCKET];
            int articles = Math.max(64, keys / MinHash.BANDS);
            this.times = new int[articles];
            this.idEnds = new int[articles];
            this.idBytes = new byte[articles * 24];
        }

        int capacity() {
            return (int) (buckets * BUCKET * FILL);
        }

        boolean fits(int moreKeys) {
            return articles < MAX_ARTICLES && keys + moreKeys <= capacity();
        }

        int newArticle(String id, int time) {
            if (articles == times.length) {
                times = Arrays.copyOf(times, Math.max(64, articles * 2));
                idEnds = Arrays.copyOf(idEnds, Math.max(64, articles * 2));
            }
            byte[] bytes = Ids.pack(id);
            int start = articles == 0 ? 0 : idEnds[articles - 1];
            if (start + bytes.length > idBytes.length) {
                idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, start + bytes.length));
            }
            System.arraycopy(bytes, 0, idBytes, start, bytes.length);
            times[articles] = time;
            idEnds[articles] = start + bytes.length;
            return articles++;
        }

        void dropLastArticle() {
            articles--;
        }

        void trim() {
            times = Arrays.copyOf(times, articles);
            idEnds = Arrays.copyOf(idEnds, articles);
            idBytes = Arrays.copyOf(idBytes, articles == 0 ? 0 : idEnds[articles - 1]);
        }

        String id(int article) {
            int start = article == 0 ? 0 : idEnds[article - 1];
            return Ids.unpack(idBytes, start, idEnds[article]);
        }

        /** The slot holding {@code band}'s mark (in either bucket), or -1 (a stashed mark is not seen: the key is then held twice). */
        int slotOf(long band) {
            int mark = mark(band);
            int first = bucket(band);
            int slot = markIn(first, mark);
            if (slot < 0) {
                slot = markIn(other(first, mark), mark);
            }
            return slot;
        }

        private int markIn(int bucket, int mark) {
            for (int s = bucket * BUCKET; s < bucket * BUCKET + BUCKET; s++) {
                if (slots[s] >>> REF_BITS == mark) {
                    return s;
                }
            }
            return -1;
        }

        void find(long band, ArticleSink sink) {
            int mark = mark(band);
            int first = bucket(band);
            int second = other(first, mark);
            for (int s = first * BUCKET; s < first * BUCKET + BUCKET; s++) {
                if (slots[s] >>> REF_BITS == mark) {
                    sink.accept(slots[s] & (MAX_ARTICLES - 1));
                }
            }
            if (second != first) {
                for (int s = second * BUCKET; s < second * BUCKET + BUCKET; s++) {
                    if (slots[s] >>> REF_BITS == mark) {
                        sink.accept(slots[s] & (MAX_ARTICLES - 1));
                    }
                }
            }
            for (int i = 0; i < stash.length; i++) { // mostly empty
                if (stash[i] >>> REF_BITS == mark && (stashBuckets[i] == first || stashBuckets[i] == second)) {
                    sink.accept(stash[i] & (MAX_ARTICLES - 1));
                }
            }
        }

        void insert(long band, int article) {
            int entry = mark(band) << REF_BITS | article;
            int first = bucket(band);
            int second = other(first, entry >>> REF_BITS);
            keys++;
            if (put(first, entry) || put(second, entry)) {
                return;
            }
            // both buckets full: take a slot's place and move its entry to that entry's other bucket, and so on
            int bucket = (article & 1) == 0 ? first : second;
            int random = entry | 1;
            for (int kick = 0; kick < MAX_KICKS; kick++) {
                random ^= random << 13;
                random ^= random >>> 17;
                random ^= random << 5;
                int victim = bucket * BUCKET + (random & (BUCKET - 1));
                int moved = slots[victim];
                slots[victim] = entry;
                entry = moved;
                bucket = other(bucket, entry >>> REF_BITS);
                if (put(bucket, entry)) {
                    return;
                }
            }
            stash = Arrays.copyOf(stash, stash.length + 1);
            stashBuckets = Arrays.copyOf(stashBuckets, stashBuckets.length + 1);
            stash[stash.length - 1] = entry;
            stashBuckets[stashBuckets.length - 1] = bucket;
        }

        private boolean put(int bucket, int entry) {
            for (int s = bucket * BUCKET; s < bucket * BUCKET + BUCKET; s++) {
                if (slots[s] == 0) {
                    slots[s] = entry;
                    return true;
                }
            }
            return false;
        }

        /** The key's first bucket, from its high 32 bits (any number of buckets). */
        private int bucket(long band) {
            return (int) (((band >>> 32) * buckets) >>> 32);
        }

        /** The other bucket of a mark in {@code bucket}: (h(mark) - bucket) mod buckets, so each is the other's. */
        private int other(int bucket, int mark) {
            int h = (int) ((((mark * 0x9E3779B97F4A7C15L) >>> 32) * buckets) >>> 32);
            int other = h - bucket;
            return other < 0 ? other + buckets : other;
        }

        /** 12 bits of the key that pick no bucket, never 0 (0 marks an empty slot). */
        private static int mark(long band) {
            int mark = (int) (band & ((1 << MARK_BITS) - 1));
            return mark == 0 ? 1 : mark;
        }
    }
}
