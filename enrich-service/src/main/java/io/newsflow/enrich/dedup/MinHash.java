package io.newsflow.enrich.dedup;

import io.newsflow.enrich.clean.WordHashes;

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
     * Signature positions per LSH band: 16 bands of 2, over the signature's first 32 positions (all 64 estimate the
     * similarity). Two texts become candidates with probability 1 - (1 - J^2)^16: 99.0% at a Jaccard similarity J of
     * 0.5 (where the 64-position estimate itself is as likely below the threshold as above), 99.9% at 0.6, 78% at 0.3,
     * 15% at 0.1, 0.6% at 0.02; candidates are then kept only when {@link #similarity} reaches the threshold. 16 bands,
     * not 32, halve the in-memory index a window of articles costs (each band key held is about 4 bytes of heap).
     */
    public static final int ROWS = 2;
    public static final int BANDS = 16;
    /**
     * Two articles are near-duplicates when their estimated Jaccard similarity reaches this. On the golden
     * pairs (src/test/resources/dedup) copies estimate 0.59-1.00 and different stories 0.00-0.06.
     */
    public static final double THRESHOLD = 0.5;
    static final int SHINGLE = 3;

    /**
     * Hash function i of the signature maps a shingle (already a mixed 64-bit hash) to the high bits of
     * {@code shingle * MULTIPLIERS[i] + ADDENDS[i]} (multiply-shift, one multiplication where a full mix took three).
     */
    private static final long[] MULTIPLIERS = new long[SIZE];
    private static final long[] ADDENDS = new long[SIZE];

    static {
        long seed = 0x5eed_2026_1127L;
        for (int i = 0; i < SIZE; i++) {
            seed = WordHashes.mix(seed + 0x9e3779b97f4a7c15L);
            MULTIPLIERS[i] = seed | 1;
            seed = WordHashes.mix(seed + 0x9e3779b97f4a7c15L);
            ADDENDS[i] = seed;
        }
    }

    private MinHash() {
    }

    /** The signature of {@code text}; an empty text has a signature of all {@code Integer.MAX_VALUE}. */
    public static int[] signature(String text) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        long[] shingles = new long[WordHashes.capacity(text)];
        int count = shingles(text, shingles);
        for (int s = 0; s < count; s++) { // a shingle seen twice changes no minimum: no set needed
            long shingle = shingles[s];
            for (int i = 0; i < SIZE; i++) {
                int hash = (int) ((shingle * MULTIPLIERS[i] + ADDENDS[i]) >>> 33);
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

    /**
     * Writes each run of {@link #SHINGLE} words as one hash into {@code out} (a text of fewer words: all of them as
     * one), over the word hashes it first holds, and returns how many; {@code out} has {@link WordHashes#capacity}.
     */
    static int shingles(String text, long[] out) {
        int words = WordHashes.hashes(text, out);
        if (words > 0 && words < SHINGLE) {
            out[0] = shingle(out, 0, words);
            return 1;
        }
        for (int end = SHINGLE; end <= words; end++) { // shingle k overwrites word k, which no later shingle reads
            out[end - SHINGLE] = shingle(out, end - SHINGLE, SHINGLE);
        }
        return Math.max(0, words - SHINGLE + 1);
    }

    private static long shingle(long[] words, int from, int count) {
        long combined = 0;
        for (int k = 0; k < count; k++) {
            combined = WordHashes.mix(combined * 31 + words[from + k]);
        }
        return combined;
    }
}
