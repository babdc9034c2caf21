package io.newsflow.enrich.lang;

import java.util.Map;

/**
 * N-gram key to per-language scores, laid out for the scoring loop's cache: one open-addressing array
 * holding each key next to its entry span (one cache line serves the probe and the span), and one
 * array of packed entries (language index in the top 8 bits, the score as fixed point in the low 24),
 * contiguous per n-gram. Read-only after construction.
 */
final class NgramTable {

    /** Scores are stored as fixed point with this many fractional bits. */
    private static final int FRACTION_BITS = 12;
    private static final float UNIT = 1f / (1 << FRACTION_BITS);

    /** Slot i: key at 2i (0 = empty), span at 2i+1 (first entry index << 8 | entry count). */
    private final long[] slots;
    private final int[] entries;
    private final int mask;

    /** @param grams n-gram key (never 0) to language index (under 128) to score (0 to 4,000) */
    NgramTable(Map<Long, Map<Integer, Double>> grams) {
        int capacity = Integer.highestOneBit(Math.max(16, grams.size() + grams.size() / 2)) * 2;
        slots = new long[capacity * 2];
        mask = capacity - 1;
        entries = new int[grams.values().stream().mapToInt(Map::size).sum()];
        int next = 0;
        for (Map.Entry<Long, Map<Integer, Double>> gram : grams.entrySet()) {
            int slot = hash(gram.getKey()) & mask;
            while (slots[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = gram.getKey();
            slots[2 * slot + 1] = (long) next << 8 | gram.getValue().size();
            for (Map.Entry<Integer, Double> language : gram.getValue().entrySet()) {
                entries[next++] = language.getKey() << 24 | (int) Math.round(language.getValue() * (1 << FRACTION_BITS));
            }
        }
    }

    /** Adds the n-gram's score to each language that has it; an unknown n-gram adds nothing. */
    void addTo(long key, float[] score) {
        int slot = hash(key) & mask;
        long found;
        while ((found = slots[2 * slot]) != 0) {
            if (found == key) {
                long span = slots[2 * slot + 1];
                for (int i = (int) (span >>> 8), end = i + (int) (span & 0xff); i < end; i++) {
                    int entry = entries[i];
                    score[entry >>> 24] += (entry & 0xffffff) * UNIT;
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
