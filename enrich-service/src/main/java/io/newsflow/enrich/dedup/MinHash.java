package io.newsflow.enrich.dedup;

import io.newsflow.enrich.clean.WordHashes;
import java.util.HashSet;
import java.util.Set;

/**
 * MinHash signatures of a clean article body over word 3-shingles, for near-duplicate detection:
 * the share of equal positions in two signatures estimates the Jaccard similarity of the two texts'
 * shingle sets, and {@link #bands} cut a signature into LSH bands so that candidates are found by
 * exact band lookups, never by comparing against every stored article. Words are letters and digits,
 * lowercased: whitespace, line endings, punctuation and case do not count. Plain Java, no Kafka;
 * never throws.
 */
public final class MinHash {

    /** Hash functions per signature. */
    public static final int SIZE = 64;
    /**
     * Signature positions per LSH band: 32 bands of 2. Two texts become candidates with probability
     * 1 - (1 - J^2)^32: 99.99% at a Jaccard similarity J of 0.5, 95% at 0.3, 27% at 0.1, 1.3% at 0.02;
     * candidates are then kept only when {@link #similarity} reaches the threshold.
     */
    public static final int ROWS = 2;
    public static final int BANDS = SIZE / ROWS;
    /**
     * Two articles are near-duplicates when their estimated Jaccard similarity reaches this. On the golden
     * pairs (src/test/resources/dedup) copies estimate 0.53-1.00 and different stories 0.00-0.03.
     */
    public static final double THRESHOLD = 0.5;
    static final int SHINGLE = 3;

    private static final long[] SEEDS = new long[SIZE];

    static {
        long seed = 0x5eed_2026_1127L;
        for (int i = 0; i < SIZE; i++) {
            seed = WordHashes.mix(seed + 0x9e3779b97f4a7c15L);
            SEEDS[i] = seed;
        }
    }

    private MinHash() {
    }

    /** The signature of {@code text}; an empty text has a signature of all {@code Integer.MAX_VALUE}. */
    public static int[] signature(String text) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles(text)) {
            for (int i = 0; i < SIZE; i++) {
                int hash = (int) (WordHashes.mix(shingle ^ SEEDS[i]) >>> 33);
                if (hash < signature[i]) {
                    signature[i] = hash;
                }
            }
        }
        return signature;
    }

    /** The estimated Jaccard similarity: the share of positions where the two signatures agree. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** One 64-bit key per band: two signatures with one equal band are candidates. */
    public static long[] bands(int[] signature) {
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band;
            for (int row = 0; row < ROWS; row++) {
                key = WordHashes.mix(key * 0x100000001b3L + signature[band * ROWS + row]);
            }
            bands[band] = key;
        }
        return bands;
    }

    /** The signature as {@link #SIZE} big-endian ints (a record header, a store value). */
    public static byte[] toBytes(int[] signature) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(SIZE * Integer.BYTES);
        for (int value : signature) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /** The signature {@link #toBytes} wrote, or null when {@code bytes} is not one. */
    public static int[] fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE * Integer.BYTES) {
            return null;
        }
        int[] signature = new int[SIZE];
        java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(signature);
        return signature;
    }

    /** The exact Jaccard similarity of two texts' shingle sets (for tests and tuning). */
    static double jaccard(String a, String b) {
        Set<Long> x = shingles(a);
        Set<Long> y = shingles(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<Long> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    /** Each run of {@link #SHINGLE} words as one hash (a text of fewer words: all of them as one). */
    static Set<Long> shingles(String text) {
        Set<Long> shingles = new HashSet<>();
        long[] window = new long[SHINGLE];
        int[] words = {0};
        WordHashes.each(text, hash -> {
            window[words[0] % SHINGLE] = hash;
            words[0]++;
            if (words[0] >= SHINGLE) {
                shingles.add(shingle(window, words[0], SHINGLE));
            }
        });
        if (words[0] > 0 && words[0] < SHINGLE) {
            shingles.add(shingle(window, words[0], words[0]));
        }
        return shingles;
    }

    private static long shingle(long[] window, int words, int count) {
        long combined = 0;
        for (int k = count; k >= 1; k--) {
            combined = WordHashes.mix(combined * 31 + window[(words - k) % SHINGLE]);
        }
        return combined;
    }
}
