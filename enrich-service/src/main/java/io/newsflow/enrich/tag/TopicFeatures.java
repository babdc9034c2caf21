package io.newsflow.enrich.tag;

import io.newsflow.enrich.clean.Tokens;
import io.newsflow.enrich.clean.WordHashes;
import java.util.Arrays;

/**
 * What the topic classifier reads of an article: its words and pairs of adjacent words, lowercased and hashed, each
 * with how often it occurs; a word of the title counts {@value #TITLE_WEIGHT} times, since a headline says what a story
 * is about. Numbers and the words a model ignores (its language's function words, reporting verbs and dates, and first
 * names) are left out and break a pair: they say how a text is written, or who, not what it is about. The trainer
 * ({@code model-training}) and the classifier count with this one class, so they cannot disagree on what a feature is.
 * Reused document after document: no allocation per word. Plain Java; not thread-safe (one per thread).
 */
public final class TopicFeatures {

    /** How many times a word of a separate title counts. */
    public static final int TITLE_WEIGHT = 2;
    private static final long PAIR = 0x9E3779B97F4A7C15L;

    private final Tokens tokens = new Tokens();
    /** Open addressing: the features of the current document and their counts; {@code used} lists the filled slots. */
    private long[] keys = new long[1024];
    private float[] counts = new float[1024];
    private int[] used = new int[512];
    private int size;

    /** Which words (by {@link Tokens#hash}) a model leaves out: its stop words and first names. */
    @FunctionalInterface
    public interface Ignored {
        boolean ignores(long wordHash);
    }

    /**
     * The words {@code hashes} names, as a Bloom filter of {@value #IGNORED_BITS} bits and three probes: it answers without
     * a branch the CPU could mispredict (whether a word is a stop word is as hard to predict as where a word ends), and it
     * fits in the first-level cache. The odd word it also ignores (under 0.1% of others, for a few thousand ignored words)
     * is ignored alike by training and classification, which both ask it.
     */
    public static Ignored ignoring(long[] hashes) {
        long[] bits = new long[IGNORED_BITS / 64];
        for (long word : hashes) {
            long h = WordHashes.mix(word ^ IGNORED_SALT);
            for (int probe = 0; probe < 3; probe++) {
                int bit = (int) (h >>> (probe * 20)) & (IGNORED_BITS - 1);
                bits[bit >>> 6] |= 1L << bit;
            }
        }
        return word -> {
            long h = WordHashes.mix(word ^ IGNORED_SALT);
            int a = (int) h & (IGNORED_BITS - 1);
            int b = (int) (h >>> 20) & (IGNORED_BITS - 1);
            int c = (int) (h >>> 40) & (IGNORED_BITS - 1);
            return ((bits[a >>> 6] >>> a) & (bits[b >>> 6] >>> b) & (bits[c >>> 6] >>> c) & 1) != 0;
        };
    }

    static final int IGNORED_BITS = 1 << 18;
    private static final long IGNORED_SALT = 0x5DEECE66DL;

    /** Receives each occurrence of a feature, with its weight (a title word weighs {@link #TITLE_WEIGHT}). */
    @FunctionalInterface
    public interface Sink {
        void feature(long key, int weight);
    }

    /**
     * Every occurrence of a feature of an article, in order: its {@code title} (null or blank: none), then its {@code body},
     * leaving out the words {@code ignored} names. The one definition of a feature, for counting ({@link #count}) and for
     * the classifier, which looks each occurrence up as it comes.
     */
    public void each(Ignored ignored, String title, String body, Sink sink) {
        if (title != null && !title.isBlank()) {
            each(tokens.scan(title), TITLE_WEIGHT, ignored, sink);
        }
        each(tokens.scan(body), 1, ignored, sink);
    }

    /** Counts the features of an article ({@link #each}): afterwards {@link #size}, {@link #key} and {@link #count} tell them. */
    public TopicFeatures count(Ignored ignored, String title, String body) {
        clear();
        each(ignored, title, body, this::put);
        return this;
    }

    /** The feature of one word (its {@link Tokens#hash}); a word's feature is even. */
    public static long word(long hash) {
        return WordHashes.mix(hash) & ~1L;
    }

    /** The feature of two adjacent words; a pair's feature is odd. */
    public static long pair(long first, long second) {
        return WordHashes.mix(first * PAIR + second + 1) | 1L;
    }

    /** Whether {@code feature} is a pair of words (else one word). */
    public static boolean isPair(long feature) {
        return (feature & 1L) != 0;
    }

    /** A pair across a left-out word: never a feature of any model (the trainer leaves it out), so a lookup finds nothing. */
    public static final long NO_PAIR = 1L;

    /** The words kept for one text (numbers and ignored words taken out), reused; {@code joined}: the previous word was kept. */
    private long[] kept = new long[256];
    private long[] joined = new long[256];

    private void each(Tokens words, int weight, Ignored ignored, Sink sink) {
        int n = words.size();
        if (kept.length < n + 1) {
            kept = new long[Math.max(n + 1, kept.length * 2)];
            joined = new long[kept.length];
        }
        long[] kept = this.kept;
        long[] joined = this.joined;
        int k = 0;
        long previousKept = 0;
        for (int i = 0; i < n; i++) {
            long hash = words.hash(i);
            long keep = words.isNumber(i) | ignored.ignores(hash) ? 0 : 1;
            kept[k] = hash; // stays only if the word counts: no branch on what cannot be predicted
            joined[k] = previousKept;
            k += (int) keep;
            previousKept = keep;
        }
        for (int i = 0; i < k; i++) {
            sink.feature(word(kept[i]), weight);
            if (i > 0) {
                long mask = -joined[i];
                sink.feature((pair(kept[i - 1], kept[i]) & mask) | (NO_PAIR & ~mask), weight);
            }
        }
    }

    private void put(long key, int weight) {
        putCount(key, weight);
    }

    private void putCount(long key, float weight) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = (int) key & mask;
        while (counts[slot] != 0) {
            if (keys[slot] == key) {
                counts[slot] += weight;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        counts[slot] = weight;
        if (size == used.length) {
            used = Arrays.copyOf(used, size * 2);
        }
        used[size++] = slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldCounts = counts;
        int[] oldUsed = Arrays.copyOf(used, size);
        int oldSize = size;
        keys = new long[oldKeys.length * 2];
        counts = new float[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            putCount(oldKeys[oldUsed[i]], oldCounts[oldUsed[i]]);
        }
    }

    private void clear() {
        for (int i = 0; i < size; i++) {
            counts[used[i]] = 0;
        }
        size = 0;
    }

    /** How many distinct features the document has. */
    public int size() {
        return size;
    }

    /** Feature {@code i} (in the order first seen). */
    public long key(int i) {
        return keys[used[i]];
    }

    /** How often feature {@code i} occurs (title words weighted). */
    public float count(int i) {
        return counts[used[i]];
    }
}
