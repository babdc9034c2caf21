package io.newsflow.enrich.lang;

import java.util.Map;

/**
 * N-gram key to per-language scores, laid out flat for the scoring loop: an open-addressing table of
 * keys pointing into parallel arrays of language indexes and scores. Read-only after construction.
 */
final class NgramTable {

    private static final long EMPTY = 0L;

    private final long[] keys;
    /** Per slot: the first entry's index, shifted left 8, or'ed with the number of entries (at most 255). */
    private final int[] spans;
    private final byte[] languages;
    private final float[] scores;
    private final int mask;

    /** @param grams n-gram key to language index (under 128) to score */
    NgramTable(Map<Long, Map<Integer, Double>> grams) {
        int capacity = Integer.highestOneBit(Math.max(16, grams.size() + grams.size() / 2)) * 2;
        keys = new long[capacity];
        spans = new int[capacity];
        mask = capacity - 1;
        int entries = grams.values().stream().mapToInt(Map::size).sum();
        languages = new byte[entries];
        scores = new float[entries];
        int next = 0;
        for (Map.Entry<Long, Map<Integer, Double>> gram : grams.entrySet()) {
            int slot = slot(gram.getKey());
            keys[slot] = gram.getKey();
            spans[slot] = next << 8 | gram.getValue().size();
            for (Map.Entry<Integer, Double> language : gram.getValue().entrySet()) {
                languages[next] = (byte) (int) language.getKey();
                scores[next] = (float) (double) language.getValue();
                next++;
            }
        }
    }

    private int slot(long key) {
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Adds the n-gram's score to each language that has it; an unknown n-gram adds nothing. */
    void addTo(long key, float[] score) {
        int slot = hash(key) & mask;
        long found;
        while ((found = keys[slot]) != EMPTY) {
            if (found == key) {
                int span = spans[slot];
                for (int i = span >>> 8, end = i + (span & 0xff); i < end; i++) {
                    score[languages[i]] += scores[i];
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
